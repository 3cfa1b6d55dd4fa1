/**
 * @name Route parameter joined into a path and opened
 * @description Seed query for PR #1423: user-controlled route parameter flows through
 *              os.path.join into open() without a containment check.
 * @kind path-problem
 * @problem.severity error
 * @id local/py/path-join-open
 * @tags security external/cwe/cwe-022
 */

import python
import semmle.python.dataflow.new.DataFlow
import semmle.python.dataflow.new.TaintTracking
import semmle.python.dataflow.new.RemoteFlowSources
import semmle.python.ApiGraphs

module PathJoinOpenConfig implements DataFlow::ConfigSig {
  predicate isSource(DataFlow::Node src) { src instanceof RemoteFlowSource }

  predicate isSink(DataFlow::Node sink) {
    exists(DataFlow::CallCfgNode call |
      call = API::builtin("open").getACall() and
      sink = call.getArg(0)
    )
  }

  predicate isBarrier(DataFlow::Node node) {
    // werkzeug.utils.secure_filename(x) and flask.safe_join(base, x) neutralise traversal
    node = API::moduleImport("werkzeug").getMember("utils").getMember("secure_filename").getACall()
    or
    node = API::moduleImport("flask").getMember("safe_join").getACall()
  }
}

module PathJoinOpenFlow = TaintTracking::Global<PathJoinOpenConfig>;

import PathJoinOpenFlow::PathGraph

from PathJoinOpenFlow::PathNode source, PathJoinOpenFlow::PathNode sink
where PathJoinOpenFlow::flowPath(source, sink)
select sink.getNode(), source, sink, "File path depends on $@ without a containment check.",
  source.getNode(), "user-controlled input"
