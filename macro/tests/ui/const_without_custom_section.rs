use wasm_bindgen::prelude::*;

#[wasm_bindgen]
const TYPES: &str = "export interface Point { x: number }";

fn main() {}
