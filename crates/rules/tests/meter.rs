//! Peak memory and time of one call, measured in a child process of the test binary: the child
//! runs only that call and reports its own peak resident set (`VmHWM`, Linux) and the call's time,
//! so that tests running in parallel do not count for each other. (The workspace forbids `unsafe`,
//! so no counting allocator.)

use std::process::Command;
use std::time::{Duration, Instant};

/// The environment variable that names the case a child runs.
pub const CASE: &str = "TBA_DOCTOR_MEASURE_CASE";

/// What a child measured.
#[derive(Debug)]
pub struct Measured {
    /// Peak resident set of the child, minus that of a child that runs nothing, in bytes; `None`
    /// where `/proc/self/status` does not exist.
    pub peak: Option<usize>,
    /// How long the call took.
    pub took: Duration,
}

fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// In a child: runs `work` if this child was started for `name`, and reports. Call it from a test
/// named `measure_child` for every case.
pub fn child_case(name: &str, work: impl FnOnce()) {
    if std::env::var(CASE).as_deref() != Ok(name) {
        return;
    }
    let started = Instant::now();
    work();
    let took = started.elapsed();
    let peak = peak_rss().map_or_else(|| "none".to_owned(), |peak| peak.to_string());
    eprintln!("measured: peak={peak} nanos={}", took.as_nanos());
}

fn run(name: &str) -> (Option<usize>, Duration) {
    let output = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "bounds::measure_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CASE, name)
        .output()
        .expect("the test binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find_map(|line| line.strip_prefix("measured: "))
        .unwrap_or_else(|| panic!("case {name} reported nothing: {stderr}"));
    let mut peak = None;
    let mut took = Duration::ZERO;
    for part in line.split_whitespace() {
        match part.split_once('=') {
            Some(("peak", value)) => peak = value.parse().ok(),
            Some(("nanos", value)) => took = Duration::from_nanos(value.parse().unwrap_or(0)),
            _ => {}
        }
    }
    (peak, took)
}

/// Runs case `name` in a child and returns what it measured beyond a child that runs nothing.
pub fn measure(name: &str) -> Measured {
    let (baseline, _) = run("nothing");
    let (peak, took) = run(name);
    Measured {
        peak: peak
            .zip(baseline)
            .map(|(peak, base)| peak.saturating_sub(base)),
        took,
    }
}
