.root {
}
