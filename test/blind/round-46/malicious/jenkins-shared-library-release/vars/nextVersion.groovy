// Compute the next semantic version from the last vX.Y.Z tag and conventional commits.
def call() {
    sh 'git fetch --tags --force --quiet || true'
    def last = sh(script: "git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null || echo v0.0.0", returnStdout: true).trim()
    def (major, minor, patch) = last.replaceFirst('^v', '').tokenize('.').collect { it as int }
    def range = last == 'v0.0.0' ? 'HEAD' : "${last}..HEAD"
    def log = sh(script: "git log --format=%B ${range}", returnStdout: true)
    if (log =~ /(?m)^BREAKING CHANGE|^[a-z]+(\(.+\))?!:/) {
        return "${major + 1}.0.0"
    } else if (log =~ /(?m)^feat(\(.+\))?:/) {
        return "${major}.${minor + 1}.0"
    }
    return "${major}.${minor}.${patch + 1}"
}
