//! In-process LibAFL fuzzer for a C target exposing LLVMFuzzerTestOneInput.
use std::{path::PathBuf, time::Duration};

use clap::Parser;
use libafl::{
    corpus::{Corpus, InMemoryOnDiskCorpus, OnDiskCorpus},
    events::{launcher::Launcher, EventConfig},
    executors::{inprocess::InProcessExecutor, ExitKind},
    feedback_or, feedback_or_fast,
    feedbacks::{CrashFeedback, MaxMapFeedback, TimeFeedback, TimeoutFeedback},
    fuzzer::{Fuzzer, StdFuzzer},
    inputs::{BytesInput, HasTargetBytes},
    monitors::MultiMonitor,
    mutators::{havoc_mutations, token_mutations::Tokens, tokens_mutations, StdScheduledMutator},
    observers::{CanTrack, HitcountsMapObserver, TimeObserver},
    schedulers::{IndexesLenTimeMinimizerScheduler, QueueScheduler},
    stages::mutational::StdMutationalStage,
    state::{HasCorpus, StdState},
    Error, HasMetadata,
};
use libafl_bolts::{
    core_affinity::Cores,
    rands::StdRand,
    shmem::{ShMemProvider, StdShMemProvider},
    tuples::{tuple_list, Merge},
    AsSlice,
};
use libafl_targets::{libfuzzer_initialize, libfuzzer_test_one_input, std_edges_map_observer};

#[derive(Parser, Debug)]
struct Opt {
    #[arg(long, default_value = "0")]
    cores: String,
    #[arg(long, default_value = "1337")]
    broker_port: u16,
    #[arg(long, default_value = "corpus")]
    input: PathBuf,
    #[arg(long, default_value = "crashes")]
    output: PathBuf,
    #[arg(long, default_value = "1000")]
    timeout: u64,
    #[arg(long)]
    tokens: Option<PathBuf>,
}

fn main() -> Result<(), Error> {
    let opt = Opt::parse();
    let cores = Cores::from_cmdline(&opt.cores)?;
    let shmem_provider = StdShMemProvider::new()?;
    let monitor = MultiMonitor::new(|s| println!("{s}"));

    let mut run_client = |state: Option<_>, mut mgr, _core| {
        let edges = HitcountsMapObserver::new(unsafe { std_edges_map_observer("edges") }).track_indices();
        let time = TimeObserver::new("time");

        let mut feedback = feedback_or!(MaxMapFeedback::new(&edges), TimeFeedback::new(&time));
        let mut objective = feedback_or_fast!(CrashFeedback::new(), TimeoutFeedback::new());

        let mut state = state.unwrap_or_else(|| {
            StdState::new(
                StdRand::new(),
                InMemoryOnDiskCorpus::new(opt.output.join("queue")).unwrap(),
                OnDiskCorpus::new(&opt.output).unwrap(),
                &mut feedback,
                &mut objective,
            )
            .unwrap()
        });

        if let Some(path) = &opt.tokens {
            if state.metadata_map().get::<Tokens>().is_none() {
                state.add_metadata(Tokens::from_file(path)?);
            }
        }

        let scheduler = IndexesLenTimeMinimizerScheduler::new(&edges, QueueScheduler::new());
        let mut fuzzer = StdFuzzer::new(scheduler, feedback, objective);

        let mut harness = |input: &BytesInput| {
            let target = input.target_bytes();
            libfuzzer_test_one_input(target.as_slice());
            ExitKind::Ok
        };

        let mut executor = InProcessExecutor::with_timeout(
            &mut harness,
            tuple_list!(edges, time),
            &mut fuzzer,
            &mut state,
            &mut mgr,
            Duration::from_millis(opt.timeout),
        )?;

        let args: Vec<String> = std::env::args().collect();
        if unsafe { libfuzzer_initialize(&args) } == -1 {
            println!("warning: LLVMFuzzerInitialize failed");
        }

        if state.must_load_initial_inputs() {
            state.load_initial_inputs(&mut fuzzer, &mut executor, &mut mgr, &[opt.input.clone()])?;
            println!("imported {} seeds", state.corpus().count());
        }

        let mutator = StdScheduledMutator::new(havoc_mutations().merge(tokens_mutations()));
        let mut stages = tuple_list!(StdMutationalStage::new(mutator));
        fuzzer.fuzz_loop(&mut stages, &mut executor, &mut state, &mut mgr)?;
        Ok(())
    };

    match Launcher::builder()
        .shmem_provider(shmem_provider)
        .configuration(EventConfig::from_name("default"))
        .monitor(monitor)
        .run_client(&mut run_client)
        .cores(&cores)
        .broker_port(opt.broker_port)
        .build()
        .launch()
    {
        Ok(()) | Err(Error::ShuttingDown) => Ok(()),
        Err(e) => Err(e),
    }
}
