fn main() { println!("formatted"); }
