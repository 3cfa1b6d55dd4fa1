{{- define "ncw.name" -}}node-cache-warmer{{- end -}}

{{- define "ncw.labels" -}}
app.kubernetes.io/name: {{ include "ncw.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "ncw.selector" -}}
app.kubernetes.io/name: {{ include "ncw.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
