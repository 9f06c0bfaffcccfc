//! `azure_codegen` turns a Swagger 2.0 or OpenAPI 3.0 description into a typed, async Rust
//! client crate built on `azure_core`.
//!
//! The stages, each only reading the one before it:
//! [`read`] (files, `$ref`s, Swagger 2.0 -> OpenAPI 3.0) -> [`lower`] (the [`ir`], where every
//! name and type is decided) -> [`emit`] (token streams, one function per construct) ->
//! [`write`] (prettyplease, `@generated` header, atomic write or check).

// Input data decides every index: no indexing that can panic on it.
#![warn(clippy::indexing_slicing, clippy::string_slice)]
#![cfg_attr(test, allow(clippy::indexing_slicing, clippy::string_slice))]

pub mod config;
pub mod diagnostics;
pub mod emit;
pub mod ir;
pub mod lower;
pub mod read;
pub mod validate;
pub mod write;

pub use config::Config;
pub use diagnostics::{Diagnostic, Severity, Warnings};

use std::time::{Duration, Instant};

/// How long each stage took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading, resolving refs and converting.
    pub read: Duration,
    /// Lowering into the IR and validating it.
    pub lower: Duration,
    /// Building token streams (summed over the workers that run it in parallel).
    pub emit: Duration,
    /// Formatting with prettyplease (summed over the workers).
    pub format: Duration,
    /// Wall-clock time of all of the above.
    pub total: Duration,
}

/// A generated crate, in memory.
#[derive(Debug)]
pub struct GeneratedCrate {
    /// The IR it was emitted from.
    pub ir: ir::Crate,
    /// Its files, formatted, in a fixed order.
    pub files: Vec<write::FinishedFile>,
    /// Stage timings.
    pub timings: Timings,
    /// What was generated lossily or left out, in the order found, each once. Empty for a
    /// spec the generator takes entirely.
    pub warnings: Vec<Diagnostic>,
}

/// Stack of the thread the generator runs on. The parsers stop at 128 levels of nesting, but
/// openapiv3's deserializers (untagged and flattened types, which buffer and re-read every
/// level) use tens of KiB of stack per level in debug builds: more than a default 2 MiB thread
/// has for a legitimately deep spec. Only the pages used are ever touched.
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Stack of each formatting worker: formatting recurses no deeper than the code it prints.
const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs every stage but writing, on a thread with a stack large enough for any spec the
/// parsers accept. A panic (a bug: the generator has none on purpose) becomes an error too.
///
/// Warnings come back in [`GeneratedCrate::warnings`]; with [`Config::deny_warnings`] the
/// first of them is returned as an error instead (callers that want them all, like the
/// xtask, read `warnings` and decide themselves).
pub fn generate(config: &Config) -> Result<GeneratedCrate, Diagnostic> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("azure_codegen".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || generate_here(config))
            .map_err(|e| {
                Diagnostic::new(
                    &config.spec,
                    "",
                    format!("cannot start the generator thread: {e}"),
                )
            })?;
        worker.join().unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Diagnostic::new(
                &config.spec,
                "",
                format!("internal error: the generator panicked ({what}); please report it with the spec"),
            ))
        })
    })
}

fn generate_here(config: &Config) -> Result<GeneratedCrate, Diagnostic> {
    let start = Instant::now();
    let mut input = read::Input {
        files: vec![config.spec.clone()],
        spec_root: config.spec_root.clone(),
        operations: config.operations.clone(),
        examples: config.examples.clone(),
        title: None,
    };
    if read::autorest::is_readme(&config.spec) {
        let package = read::autorest::package(&config.spec, config.tag.as_deref())?;
        input.files = package.files;
        input.title = package.title;
    }
    let spec = read::read_input(&input)?;
    let read_done = Instant::now();
    let selection = lower::Selection {
        package: config.package.clone(),
        namespace: config.namespace.clone(),
        operations: config.operations.clone(),
        examples: config.examples.clone(),
    };
    let mut ir = lower::lower(&spec, &selection)?;
    ir.publishing = config.publishing.clone();
    validate::validate(&ir, &config.spec)?;
    let lower_done = Instant::now();
    let source = config
        .spec
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (files, emit, format) = emit_and_format(&ir, &source, &config.spec)?;
    let warnings = spec.take_warnings();
    if config.deny_warnings {
        if let Some(first) = warnings.first() {
            return Err(first.clone().with_severity(Severity::Error));
        }
    }
    Ok(GeneratedCrate {
        ir,
        files,
        warnings,
        timings: Timings {
            read: read_done - start,
            lower: lower_done - read_done,
            emit,
            format,
            total: start.elapsed(),
        },
    })
}

/// Renders and formats every file, spread over the machine's cores (files are independent;
/// results are put back in plan order, so the output does not depend on the scheduling).
/// Returns the files and the time spent emitting and formatting, summed over the workers.
fn emit_and_format(
    ir: &ir::Crate,
    source: &str,
    spec_file: &std::path::Path,
) -> Result<(Vec<write::FinishedFile>, Duration, Duration), Diagnostic> {
    let plan = emit::plan(ir);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(plan.len().max(1));
    type Done = (
        usize,
        Result<write::FinishedFile, Diagnostic>,
        Duration,
        Duration,
    );
    // Workers take the next file as they finish one, the largest first, so that one worker
    // does not end up with the models and the runtime while the other idles.
    let mut order: Vec<(usize, &(String, emit::Piece))> = plan.iter().enumerate().collect();
    order.sort_by_key(|(_, (_, piece))| std::cmp::Reverse(emit::expected_size(ir, piece)));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || -> Vec<Done> {
        std::iter::from_fn(|| {
            order
                .get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                .copied()
        })
        .map(|(i, (path, piece))| {
            let started = Instant::now();
            let contents = emit::render(ir, piece);
            let emitted = Instant::now();
            let file = emit::OutputFile {
                path: path.clone(),
                contents,
            };
            let finished = write::format_one(file, source, spec_file);
            (i, finished, emitted - started, emitted.elapsed())
        })
        .collect()
    };
    let mut done: Vec<Done> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..workers)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, work)
            })
            .collect();
        let mut all = work();
        for handle in handles {
            match handle {
                Ok(h) => match h.join() {
                    Ok(more) => all.extend(more),
                    Err(_) => return Err(Diagnostic::new(spec_file, "", "internal error: a formatting worker panicked; please report it with the spec")),
                },
                Err(e) => return Err(Diagnostic::new(spec_file, "", format!("cannot start a formatting worker: {e}"))),
            }
        }
        Ok(all)
    })?;
    done.sort_by_key(|d| d.0);
    let (mut emit, mut format) = (Duration::ZERO, Duration::ZERO);
    let mut files = Vec::with_capacity(done.len());
    for (_, file, e, f) in done {
        emit += e;
        format += f;
        files.push(file?);
    }
    Ok((files, emit, format))
}
