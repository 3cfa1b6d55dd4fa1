/**
 * @name Variant of <original finding>
 * @description User-controlled data flows to <sink> without <control>.
 * @kind path-problem
 * @problem.severity warning
 * @id py/variant-template
 */

import python
import semmle.python.dataflow.new.DataFlow
import semmle.python.dataflow.new.TaintTracking
import semmle.python.dataflow.new.RemoteFlowSources
import semmle.python.Concepts

module VariantConfig implements DataFlow::ConfigSig {
  predicate isSource(DataFlow::Node source) { source instanceof RemoteFlowSource }

  predicate isSink(DataFlow::Node sink) {
    // Replace with the sink from the original finding.
    exists(FileSystemAccess fa | sink = fa.getAPathArgument())
  }

  predicate isBarrier(DataFlow::Node node) {
    // Replace with the control that was missing in the original finding.
    exists(DataFlow::CallCfgNode call |
      call.getFunction().(DataFlow::AttrRead).getAttributeName() = "secure_filename" and
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
