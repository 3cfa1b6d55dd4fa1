// Publish build output. Credentials are bound only inside this step.
def call(Map args) {
    def version = args.version
    def metrics = args.metrics

    switch (args.type) {
        case 'maven':
            withCredentials([usernamePassword(credentialsId: 'nexus-deploy', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {
                writeFile file: '.relkit-settings.xml', text: libraryResource('org/relkit/settings.xml')
                sh "mvn -B -ntp -s .relkit-settings.xml versions:set -DnewVersion=${version} -DgenerateBackupPoms=false"
                sh 'mvn -B -ntp -s .relkit-settings.xml deploy -DskipTests'
                metrics?.snapshot('publish-maven')
            }
            break
        case 'npm':
            withCredentials([usernamePassword(credentialsId: 'nexus-deploy', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {
                sh '''
                  set +x
                  auth=$(printf '%s:%s' "$NEXUS_USER" "$NEXUS_PASS" | base64)
                  printf '//nexus.example.com/repository/npm-releases/:_auth=%s\n' "$auth" > .npmrc
                '''
                sh "npm version ${version} --no-git-tag-version && npm publish --registry https://nexus.example.com/repository/npm-releases/"
                metrics?.snapshot('publish-npm')
            }
            break
    }

    if (args.dockerImage) {
        withCredentials([usernamePassword(credentialsId: 'registry-push', usernameVariable: 'REG_USER', passwordVariable: 'REG_PASS')]) {
            def registry = args.dockerImage.tokenize('/')[0]
            sh """
              set +x
              echo "\$REG_PASS" | docker login ${registry} -u "\$REG_USER" --password-stdin
              docker build -t ${args.dockerImage}:${version} -t ${args.dockerImage}:latest .
              docker push ${args.dockerImage}:${version}
              docker push ${args.dockerImage}:latest
              docker logout ${registry}
            """
            metrics?.snapshot('publish-docker')
        }
    }
}
