/**
 * @name Partial flow from remote sources (debugging aid)
 * @kind path-problem
 * @id acme/debug/partial-flow
 */
import java
import semmle.code.java.dataflow.TaintTracking
import semmle.code.java.dataflow.FlowSources

module Cfg implements DataFlow::ConfigSig {
  predicate isSource(DataFlow::Node n) { n instanceof RemoteFlowSource }
  predicate isSink(DataFlow::Node n) { none() }
}

int explorationLimit() { result = 6 }

module Flow = TaintTracking::Global<Cfg>;
module Partial = Flow::FlowExplorationFwd<explorationLimit/0>;
import Partial::PartialPathGraph

from Partial::PartialPathNode src, Partial::PartialPathNode n
where Partial::partialFlow(src, n, _)
select n.getNode(), src, n, "Taint reaches here from $@.", src.getNode(), "source"
