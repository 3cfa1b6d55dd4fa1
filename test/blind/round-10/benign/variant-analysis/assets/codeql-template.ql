/**
 * @name Variant of <original finding>
 * @description Remote user input flows to <sink> without passing through <sanitizer>.
 * @kind path-problem
 * @problem.severity error
 * @id py/variant-template
 * @tags security
 */

import python
import semmle.python.dataflow.new.DataFlow
import semmle.python.dataflow.new.TaintTracking
import semmle.python.dataflow.new.RemoteFlowSources
import semmle.python.ApiGraphs

module VariantConfig implements DataFlow::ConfigSig {
  predicate isSource(DataFlow::Node source) { source instanceof RemoteFlowSource }

  predicate isSink(DataFlow::Node sink) {
    // Replace with the sink from the original finding.
    exists(API::CallNode call |
      call = API::moduleImport("subprocess").getMember(["run", "call", "Popen", "check_output"]).getACall() and
      call.getKeywordParameter("shell").getAValueReachingSink().asExpr().(ImmutableLiteral).booleanValue() = true and
      sink = call.getArg(0)
    )
  }

  predicate isBarrier(DataFlow::Node node) {
    // Replace with the project's sanitizer(s).
    node = API::moduleImport("shlex").getMember("quote").getACall()
  }
}

module VariantFlow = TaintTracking::Global<VariantConfig>;

import VariantFlow::PathGraph

from VariantFlow::PathNode source, VariantFlow::PathNode sink
where VariantFlow::flowPath(source, sink)
select sink.getNode(), source, sink, "User input from $@ reaches a shell command.", source.getNode(), "here"
