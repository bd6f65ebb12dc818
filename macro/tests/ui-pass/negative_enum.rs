// Negative values make an exported enum's values `i32`s, as in wasm-bindgen.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Direction {
    Back = -1,
    Still,
    Forward,
    Far = 2147483647,
}

#[wasm_bindgen]
pub fn turn(d: Direction) -> Option<Direction> {
    match d {
        Direction::Forward => Some(Direction::Back),
        _ => None,
    }
}

fn main() {}
