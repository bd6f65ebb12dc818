//! JS functions that call Rust closures. One caller per closure signature makes, from a
//! closure's state, the JS function that checks validity and re-entrancy, converts the JS
//! arguments and invokes the Rust function through the wasm function table; `makeClosure`
//! (helpers.rs) makes the state. Heap
//! closures are created by `__wbg_closure_new`, which dispatches on the address of the
//! closure type's record (found by scanning the memory image at bindgen time).

use super::helpers::HelperSet;
use super::js::{render_call, Call, This};
use crate::descriptor::{Arg, ClosureRecord, ClosureSig, Module};

/// Callers rendered so far, one per distinct signature. `Fn` and `FnMut` closures of the
/// same arguments and result share one: the re-entrancy check reads `state.mutable`.
#[derive(Debug, Default)]
pub struct Callers {
    sigs: Vec<ClosureSig>,
    pub source: String,
}

impl Callers {
    /// The name of the caller for `sig`, rendering it on first use.
    pub fn caller(
        &mut self,
        sig: &ClosureSig,
        module: &Module,
        helpers: &mut HelperSet,
    ) -> Result<String, String> {
        if let Some(i) = self
            .sigs
            .iter()
            .position(|s| s.args == sig.args && s.ret == sig.ret)
        {
            return Ok(format!("__wbg_closure_call_{i}"));
        }
        let name = format!("__wbg_closure_call_{}", self.sigs.len());
        let args: Vec<Arg> = sig
            .args
            .iter()
            .enumerate()
            .map(|(i, ty)| Arg {
                name: format!("arg{i}"),
                ty: ty.clone(),
            })
            .collect();
        let lead = ["data", "vtable"];
        let call = Call {
            export: "",
            args: &args,
            ret: &sig.ret,
            this: This::None,
            callee: Some(("f", &lead)),
        };
        let (params, body) = render_call(&call, module, helpers, "            ")?;
        // `makeClosure` (helpers.rs) calls this with the closure's state; the function it
        // returns is what JS calls. Its parameters are the signature's, so no rest/spread
        // array is made per call, and the checks are a load and a compare each.
        self.source.push_str(&format!(
            "function {name}(state) {{\n    const {{ f, data, vtable }} = state;\n    return function ({}) {{\n        if (!state.valid || (state.mutable && state.running > 0)) closureRefused(state);\n        state.running++;\n        try {{\n{body}        }} finally {{\n            if (--state.running === 0 && state.dropRequested) closureDropNow(state);\n        }}\n    }};\n}}\n\n",
            params.join(", ")
        ));
        self.sigs.push(sig.clone());
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
        let caller = callers.caller(&r.sig, module, helpers)?;
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
