# Sourced by scripts/bench and scripts/bench-gen: builds benches/wasm/src against upstream's
# wasm-bindgen crate of exactly the version of the CLI in $WBG_UPSTREAM_WASM_BINDGEN.
#
# Upstream's CLI accepts only wasm built against the crate of its own version. The manifest
# for that build is written into target/, only for this opt-in comparison: nothing in the
# repository depends on upstream's crate.

# upstream_bench_wasm ROOT PROFILE: builds (release or debug) and prints the .wasm's path.
upstream_bench_wasm() {
    local root="$1" profile="$2"
    local cargo="${CARGO:-cargo}" upstream_version version crate flag=()
    if ! upstream_version="$("$WBG_UPSTREAM_WASM_BINDGEN" --version 2>/dev/null)"; then
        echo "bench: WBG_UPSTREAM_WASM_BINDGEN=$WBG_UPSTREAM_WASM_BINDGEN does not run" >&2
        return 1
    fi
    version="${upstream_version##* }"
    crate="$root/target/bench/upstream-crate"
    mkdir -p "$crate"
    cat > "$crate/Cargo.toml" <<TOML
[package]
name = "wbg_bench"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]
path = "$root/benches/wasm/src/lib.rs"

[dependencies]
wasm-bindgen = "=$version"

[profile.release]
opt-level = 3

[workspace]
TOML
    [[ "$profile" == release ]] && flag=(--release)
    echo "==> building benches/wasm/src against upstream wasm-bindgen $version (crates.io, $profile)" >&2
    CARGO_TARGET_DIR="$root/target/wasm-upstream" "$cargo" build -q "${flag[@]}" \
        --target wasm32-unknown-unknown --manifest-path "$crate/Cargo.toml"
    echo "$root/target/wasm-upstream/wasm32-unknown-unknown/$profile/wbg_bench.wasm"
}
