/**
 * @name Variant: user input reaching a dangerous sink
 * @description Template for variant hunting. Replace the source and sink predicates with the
 *              shapes from the original finding.
 * @kind path-problem
 * @problem.severity warning
 * @id variant/python/template
 */

import python
import semmle.python.dataflow.new.DataFlow
import semmle.python.dataflow.new.TaintTracking
import semmle.python.dataflow.new.RemoteFlowSources
import semmle.python.ApiGraphs

module VariantConfig implements DataFlow::ConfigSig {
  predicate isSource(DataFlow::Node source) {
    source instanceof RemoteFlowSource
  }

  predicate isSink(DataFlow::Node sink) {
    // Example sink: first argument of subprocess.* calls. Replace with the original bug's sink.
    exists(API::CallNode call |
      call = API::moduleImport("subprocess").getAMember().getACall() and
      sink = call.getArg(0)
    )
  }

  predicate isBarrier(DataFlow::Node node) {
    // Add sanitizers seen in the codebase, e.g. shlex.quote
    exists(API::CallNode call |
      call = API::moduleImport("shlex").getMember("quote").getACall() and
      node = call
    )
  }
}

module VariantFlow = TaintTracking::Global<VariantConfig>;

import VariantFlow::PathGraph

from VariantFlow::PathNode source, VariantFlow::PathNode sink
where VariantFlow::flowPath(source, sink)
select sink.getNode(), source, sink, "User-controlled value from $@ reaches this sink.", source.getNode(),
  "here"
