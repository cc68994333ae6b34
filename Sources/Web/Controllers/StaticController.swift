import Hummingbird

/// The app's own static files: the stylesheet and the icon (the pages need nothing else).
struct StaticController {
    func addRoutes(to group: RouterGroup<WebContext>, table: RouteTable) {
        table.add(group, Stylesheet.path, .get) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        table.add(group, Stylesheet.iconPath, .get) { _, _ in
            Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.icon)))
        }
    }
}
