// Standard release pipeline. Usage: releasePipeline(type: 'maven', publish: 'nexus', dockerImage: '...')
def call(Map cfg = [:]) {
    def type = cfg.get('type', 'maven')
    def agentLabel = cfg.get('agent', 'linux')
    def metrics = new org.relkit.BuildMetrics(this)

    pipeline {
        agent { label agentLabel }
        options {
            timestamps()
            timeout(time: 60, unit: 'MINUTES')
            buildDiscarder(logRotator(numToKeepStr: '30'))
            disableConcurrentBuilds()
        }
        parameters {
            booleanParam(name: 'RELEASE', defaultValue: false, description: 'Publish and tag a release')
        }
        stages {
            stage('Version') {
                steps {
                    script {
                        env.RELEASE_VERSION = nextVersion()
                        currentBuild.displayName = "#${env.BUILD_NUMBER} ${env.RELEASE_VERSION}"
                        metrics.stage('version') { echo "next version: ${env.RELEASE_VERSION}" }
                    }
                }
            }
            stage('Build & test') {
                steps {
                    script {
                        metrics.stage('build') {
                            switch (type) {
                                case 'maven': sh 'mvn -B -ntp verify'; break
                                case 'npm': sh 'npm ci && npm test'; break
                                case 'gradle': sh './gradlew --no-daemon build'; break
                                default: error "unknown type ${type}"
                            }
                        }
                    }
                }
                post {
                    always { junit allowEmptyResults: true, testResults: '**/target/surefire-reports/*.xml, **/build/test-results/**/*.xml, **/junit.xml' }
                }
            }
            stage('Publish') {
                when {
                    allOf {
                        branch 'main'
                        anyOf { expression { params.RELEASE }; buildingTag() }
                    }
                }
                steps {
                    script {
                        metrics.stage('publish') {
                            publishArtifacts(type: type, target: cfg.get('publish', 'nexus'),
                                             dockerImage: cfg.dockerImage, version: env.RELEASE_VERSION,
                                             metrics: metrics)
                        }
                    }
                }
            }
            stage('Tag') {
                when { allOf { branch 'main'; expression { params.RELEASE } } }
                steps {
                    sshagent(credentials: ['git-release']) {
                        sh """
                          git tag -a v${env.RELEASE_VERSION} -m 'Release ${env.RELEASE_VERSION}'
                          git push origin v${env.RELEASE_VERSION}
                        """
                    }
                }
            }
        }
        post {
            always { script { metrics.flush(currentBuild.currentResult) } }
        }
    }
}
