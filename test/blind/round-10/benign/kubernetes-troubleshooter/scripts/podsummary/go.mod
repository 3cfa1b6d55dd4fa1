module podsummary

go 1.22
