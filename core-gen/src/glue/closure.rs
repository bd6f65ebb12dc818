//! JS functions that call Rust closures. One caller per closure signature makes, from a
//! closure's state, the JS function that checks validity and re-entrancy, converts the JS
//! arguments and invokes the Rust function through the wasm function table; `makeClosure`
//! (helpers.rs) makes the state. Heap
//! closures are created by `__wbg_closure_new`, which dispatches on the address of the
//! closure type's record (found by scanning the memory image at bindgen time).

use super::helpers::HelperSet;
use super::js::{render_call, Call, This};
use crate::descriptor::{Arg, ClosureRecord, ClosureSig, Module};

/// Callers rendered so far, one per distinct signature and [`Lifetime`]. Heap `Fn` and
/// `FnMut` closures of the same arguments and result share one: its re-entrancy check
/// reads `state.mutable`.
#[derive(Debug, Default)]
pub struct Callers {
    made: Vec<(
        Vec<crate::descriptor::Type>,
        crate::descriptor::Type,
        Lifetime,
    )>,
    pub source: String,
}

/// What a caller must check besides validity. A stack closure cannot be dropped while it
/// runs (it lives until the import it was passed to returns, which cannot happen during
/// its call), so only a stack `FnMut` counts calls, for re-entrancy; a stack `Fn` does
/// nothing but the validity check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    Heap,
    StackFn,
    StackFnMut,
}

impl Lifetime {
    pub fn of(sig: &ClosureSig, stack: bool) -> Lifetime {
        match (stack, sig.mutable) {
            (false, _) => Lifetime::Heap,
            (true, false) => Lifetime::StackFn,
            (true, true) => Lifetime::StackFnMut,
        }
    }
}

impl Callers {
    /// The name of the caller for `sig`, rendering it on first use.
    pub fn caller(
        &mut self,
        sig: &ClosureSig,
        lifetime: Lifetime,
        module: &Module,
        helpers: &mut HelperSet,
    ) -> Result<String, String> {
        if let Some(i) = self
            .made
            .iter()
            .position(|(args, ret, l)| *args == sig.args && *ret == sig.ret && *l == lifetime)
        {
            return Ok(format!("__wbg_closure_call_{i}"));
        }
        let name = format!("__wbg_closure_call_{}", self.made.len());
        let args: Vec<Arg> = sig
            .args
            .iter()
            .enumerate()
            .map(|(i, ty)| Arg::new(format!("arg{i}"), ty.clone()))
            .collect();
        let lead = ["data", "vtable"];
        let call = Call {
            export: "",
            args: &args,
            ret: &sig.ret,
            this: This::None,
            callee: Some(("f", &lead)),
        };
        let indent = if lifetime == Lifetime::StackFn {
            "        "
        } else {
            "            "
        };
        let (params, body) = render_call(&call, module, helpers, indent)?;
        // `makeClosure` (helpers.rs) calls this with the closure's state; the function it
        // returns is what JS calls. Its parameters are the signature's, so no rest/spread
        // array is made per call, and the checks are a load and a compare each.
        let inner = match lifetime {
            Lifetime::Heap => format!("        if (!state.valid || (state.mutable && state.running > 0)) closureRefused(state);\n        state.running++;\n        try {{\n{body}        }} finally {{\n            if (--state.running === 0 && state.dropRequested) closureDropNow(state);\n        }}\n"),
            Lifetime::StackFnMut => format!("        if (!state.valid || state.running > 0) closureRefused(state);\n        state.running = 1;\n        try {{\n{body}        }} finally {{\n            state.running = 0;\n        }}\n"),
            Lifetime::StackFn => format!("        if (!state.valid) closureRefused(state);\n{body}"),
        };
        self.source.push_str(&format!(
            "function {name}(state) {{\n    const {{ f, data, vtable }} = state;\n    return function ({}) {{\n{inner}    }};\n}}\n\n",
            params.join(", ")
        ));
        self.made
            .push((sig.args.clone(), sig.ret.clone(), lifetime));
        Ok(name)
    }
}

/// `__wbg_closure_new` and `__wbg_closure_drop` for the records of this module.
pub fn intrinsics(
    records: &[ClosureRecord],
    callers: &mut Callers,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<(String, String), String> {
    helpers.require("closures");
    helpers.require("addHeapObject");
    let mut cases = String::new();
    for r in records {
        let caller = callers.caller(&r.sig, Lifetime::Heap, module, helpers)?;
        cases.push_str(&format!(
            "        case {}: return addHeapObject(makeClosure(data, vtable, {}, {}, {}, {caller}, false));\n",
            r.address, r.invoke, r.destroy, r.sig.mutable
        ));
    }
    let new = format!(
        "function __wbg_closure_new(meta, data, vtable) {{\n    switch (meta >>> 0) {{\n{cases}        default: throw new Error(`wbg: no closure record at address ${{meta >>> 0}} was found when the glue was generated; run bindgen on the .wasm that cargo built`);\n    }}\n}}"
    );
    let drop =
        "function __wbg_closure_drop(idx) { return dropClosure(getObject(idx)); }".to_string();
    Ok((new, drop))
}
