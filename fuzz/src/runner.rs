//! Running one target: the corpus first, then mutated cases until the budget is spent. Each
//! input runs in a worker thread, so a panic is caught and a hang is noticed instead of
//! stalling the run; a failing input is shrunk, saved into the corpus and named.

use std::cell::RefCell;
use std::fmt::Display;
use std::hash::{Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Once};
use std::time::{Duration, Instant, SystemTime};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::mutation::{self, Case};

/// What a reader made of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// Refused with an error value whose message the check looked at.
    Rejected,
}

/// The most one input may take. The readers are linear in their input and the largest inputs
/// here are a few megabytes, which take a fraction of this even unoptimised on a busy machine.
const SLOW: Duration = Duration::from_secs(3);
/// After this long without an answer the input counts as hanging and the run stops.
const HANG: Duration = Duration::from_secs(30);
/// Mutated cases per target when no time budget is set (a plain `cargo test`).
const QUICK_CASES: u64 = 24;
/// Shrinking a failing case stops after this many attempts.
const SHRINK_STEPS: u32 = 200;

/// The budget per target in seconds, from `BOGEN_FUZZ_SECONDS`.
pub const SECONDS_VAR: &str = "BOGEN_FUZZ_SECONDS";
/// Where each target writes its numbers (`<dir>/<target>.json`), from `BOGEN_FUZZ_REPORT`.
pub const REPORT_VAR: &str = "BOGEN_FUZZ_REPORT";
/// The random seed, from `BOGEN_FUZZ_SEED`, to replay a run.
pub const SEED_VAR: &str = "BOGEN_FUZZ_SEED";

/// An input broke a rule: it panicked, took too long or the check refused the outcome.
#[derive(Debug)]
enum Failure {
    Broken(String),
    Slow(Duration),
    Hang,
}

impl Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Broken(m) => write!(f, "{m}"),
            Failure::Slow(t) => {
                write!(f, "took {:.1} s, more than the {} s an input may take", t.as_secs_f64(), SLOW.as_secs())
            }
            Failure::Hang => write!(f, "no answer after {} s: the reader hangs", HANG.as_secs()),
        }
    }
}

/// Fuzzes `check` with the corpus of `target`. `check` runs on a worker thread; it returns
/// `Err` when the outcome breaks a rule of the target (a panic counts as that too).
pub fn fuzz<F>(target: &str, check: F)
where
    F: Fn(&[u8]) -> Result<Verdict, String> + Send + 'static,
{
    let dir = corpus_dir(target);
    let files = corpus(&dir);
    assert!(!files.is_empty(), "{}: the corpus is empty", dir.display());
    let budget = std::env::var(SECONDS_VAR).ok().map(|s| {
        Duration::from_secs_f64(s.parse().unwrap_or_else(|_| panic!("{SECONDS_VAR}={s:?} is no number of seconds")))
    });
    let seed = match std::env::var(SEED_VAR) {
        Ok(s) => s.parse().unwrap_or_else(|_| panic!("{SEED_VAR}={s:?} is no number")),
        Err(_) if budget.is_some() => {
            SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
        }
        Err(_) => 0,
    };
    let started = Instant::now();
    let worker = Worker::spawn(target, check);
    let mut tally = Tally::default();

    for (path, bytes) in &files {
        match worker.judge(bytes) {
            Ok(v) => tally.count(v),
            Err(f) => panic!("{target}: corpus file {} fails: {f}", path.display()),
        }
    }
    let seeds: Vec<Vec<u8>> = files.into_iter().map(|(_, b)| b).collect();
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed)));
    let strategy = mutation::case();
    let mut cases = 0u64;
    while match budget {
        Some(b) => started.elapsed() < b,
        None => cases < QUICK_CASES,
    } {
        cases += 1;
        let mut tree = strategy.new_tree(&mut runner).expect("cases are generated without filters");
        let case = tree.current();
        match worker.judge(&case.apply(&seeds)) {
            Ok(v) => tally.count(v),
            Err(Failure::Hang) => fail(target, &dir, seed, &case, &case.apply(&seeds), &Failure::Hang),
            Err(first) => {
                let (case, failure) = shrink(&worker, &seeds, &mut tree, case, first);
                fail(target, &dir, seed, &case, &case.apply(&seeds), &failure)
            }
        }
    }
    tally.report(target, started.elapsed(), seed);
}

/// Simplifies a failing case as long as it keeps failing (fewer, smaller changes).
fn shrink<T: ValueTree<Value = Case>>(
    worker: &Worker,
    seeds: &[Vec<u8>],
    tree: &mut T,
    mut case: Case,
    mut failure: Failure,
) -> (Case, Failure) {
    let mut steps = 0;
    let mut progress = tree.simplify();
    while progress && steps < SHRINK_STEPS {
        steps += 1;
        let candidate = tree.current();
        match worker.judge(&candidate.apply(seeds)) {
            Err(Failure::Hang) => return (candidate, Failure::Hang),
            Err(f) => {
                case = candidate;
                failure = f;
                progress = tree.simplify();
            }
            Ok(_) => progress = tree.complicate(),
        }
    }
    (case, failure)
}

/// Saves the input as a regression file of the corpus and fails the test naming it.
fn fail(target: &str, dir: &Path, seed: u64, case: &Case, input: &[u8], failure: &Failure) -> ! {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    input.hash(&mut hasher);
    let file = dir.join(format!("regression-{:016x}", hasher.finish()));
    let saved = match std::fs::write(&file, input) {
        Ok(()) => format!("saved as {} (replayed by every run from now on)", file.display()),
        Err(e) => format!("could not be saved as {}: {e}", file.display()),
    };
    let mut changes = format!("{:?}", case.mutations);
    changes.truncate(2000);
    let preview = String::from_utf8_lossy(&input[..input.len().min(600)]).escape_debug().to_string();
    panic!(
        "{target}: {failure}\n  input of {} bytes {saved}\n  made from corpus file #{} by {changes}\n  \
         replay the run with {SEED_VAR}={seed}\n  input starts: {preview}",
        input.len(),
        case.seed.index(corpus(dir).len().max(1)),
    )
}

#[derive(Default)]
struct Tally {
    accepted: u64,
    rejected: u64,
}

impl Tally {
    fn count(&mut self, v: Verdict) {
        match v {
            Verdict::Accepted => self.accepted += 1,
            Verdict::Rejected => self.rejected += 1,
        }
    }

    fn report(&self, target: &str, took: Duration, seed: u64) {
        let executions = self.accepted + self.rejected;
        println!(
            "fuzz {target}: {executions} executions ({} rejected with a message, {} accepted) in {:.1} s, {SEED_VAR}={seed}",
            self.rejected,
            self.accepted,
            took.as_secs_f64()
        );
        if let Ok(dir) = std::env::var(REPORT_VAR) {
            let report = serde_json::json!({
                "target": target, "executions": executions, "rejected": self.rejected,
                "accepted": self.accepted, "seconds": took.as_secs_f64(), "seed": seed,
            });
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir)
                .and_then(|()| std::fs::write(dir.join(format!("{target}.json")), report.to_string()))
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
    }
}

/// Runs inputs on a thread of its own: panics are caught there, and a hang leaves the thread
/// stuck but not the run.
struct Worker {
    inputs: mpsc::Sender<Vec<u8>>,
    outcomes: mpsc::Receiver<(Result<Verdict, String>, Duration)>,
}

thread_local! {
    /// Where the panic hook leaves the place of a panic on a worker thread, instead of printing it.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

impl Worker {
    fn spawn<F>(target: &str, check: F) -> Worker
    where
        F: Fn(&[u8]) -> Result<Verdict, String> + Send + 'static,
    {
        quiet_panics_on_workers();
        let (inputs, work) = mpsc::channel::<Vec<u8>>();
        let (done, outcomes) = mpsc::channel();
        std::thread::Builder::new()
            .name(format!("fuzz-{target}"))
            .spawn(move || {
                for input in work {
                    let start = Instant::now();
                    let result = panic::catch_unwind(AssertUnwindSafe(|| check(&input))).unwrap_or_else(|payload| {
                        let text = payload
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        let at = PANIC_AT.with(|p| p.borrow_mut().take()).unwrap_or_default();
                        Err(format!("panic at {at}: {text}"))
                    });
                    if done.send((result, start.elapsed())).is_err() {
                        break;
                    }
                }
            })
            .expect("a worker thread starts");
        Worker { inputs, outcomes }
    }

    fn judge(&self, input: &[u8]) -> Result<Verdict, Failure> {
        self.inputs.send(input.to_vec()).map_err(|_| Failure::Hang)?;
        match self.outcomes.recv_timeout(HANG) {
            Ok((Ok(_), took)) if took > SLOW => Err(Failure::Slow(took)),
            Ok((Ok(v), _)) => Ok(v),
            Ok((Err(m), _)) => Err(Failure::Broken(m)),
            Err(_) => Err(Failure::Hang),
        }
    }
}

/// Panics on worker threads are expected findings, reported with their input; the default hook
/// would print each one (thousands while shrinking). Other threads keep the default hook.
fn quiet_panics_on_workers() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let before = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let on_worker = std::thread::current().name().is_some_and(|n| n.starts_with("fuzz-"));
            if on_worker {
                let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
                PANIC_AT.with(|p| *p.borrow_mut() = Some(at));
            } else {
                before(info);
            }
        }));
    });
}

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target)
}

/// The corpus files, sorted by name so runs are reproducible.
fn corpus(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))))
        .collect()
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_mut(8) {
        chunk.copy_from_slice(&seed.to_le_bytes());
    }
    bytes
}

/// Checks that an error tells people something: a message that is not empty.
pub fn has_message(what: &str, e: &impl Display) -> Result<(), String> {
    let text = e.to_string();
    if text.trim().is_empty() {
        return Err(format!("{what} error without a message"));
    }
    Ok(())
}
