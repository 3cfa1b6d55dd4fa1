//! clang wrapper that adds SanitizerCoverage flags and links the fuzzer runtime.
use std::env;

use libafl_cc::{ClangWrapper, CompilerWrapper, ToolWrapper};

pub fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() <= 1 {
        panic!("libafl_cc: no arguments given");
    }
    let mut dir = env::current_exe().unwrap();
    let wrapper_name = dir.file_name().unwrap().to_str().unwrap();
    let is_cpp = wrapper_name.ends_with("cxx") || wrapper_name.ends_with("cc++");
    dir.pop();

    let mut cc = ClangWrapper::new();
    if let Some(code) = cc
        .cpp(is_cpp)
        .silence(true)
        .parse_args(&args)
        .expect("failed to parse compiler arguments")
        .link_staticlib(&dir, "fuzzer_lib")
        .add_arg("-fsanitize-coverage=trace-pc-guard,trace-cmp")
        .add_arg("-fsanitize=address")
        .add_arg("-DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION")
        .run()
        .expect("failed to run the wrapped compiler")
    {
        std::process::exit(code);
    }
}
