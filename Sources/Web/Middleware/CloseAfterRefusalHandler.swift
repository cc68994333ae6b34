import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes the connection once a response that says `Connection: close` has been written
/// (a `413` or `408`: the rest of the body is not wanted). Without it the server would read
/// and discard the rest of a 50 MB body before the connection could serve another request.
/// A NIO channel handler, below the HTTP parsing, so it sees every response part and every
/// request part.
///
/// The close lingers: the server stops sending (FIN) but still takes, and drops, up to
/// `lingeringBytes` of what the client goes on sending, for at most `lingeringTime`, then
/// closes. A client still sending its body when the answer comes would otherwise meet a
/// closed socket, and the kernel's reset can make the client's stack throw the answer away
/// before it is read (the "lingering close" of RFC 9112, section 9.6).
final class CloseAfterRefusalHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long, and how much, the connection still takes after the answer.
    static let lingeringTime: TimeAmount = .seconds(1)
    static let lingeringBytes = 1 << 20

    private var closeAfterEnd = false
    /// Bytes still taken and dropped while lingering; `nil` while the connection serves.
    private var lingeringLeft: Int?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard var left = lingeringLeft else {
            context.fireChannelRead(data)
            return
        }
        if case .body(let buffer) = unwrapInboundIn(data) { left -= buffer.readableBytes }
        lingeringLeft = left
        if left <= 0 { context.close(promise: nil) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head):
            closeAfterEnd = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterEnd else {
                context.write(data, promise: promise)
                return
            }
            closeAfterEnd = false
            lingeringLeft = Self.lingeringBytes
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            let channel = context.channel
            written.futureResult.whenComplete { _ in Self.lingeringClose(channel) }
            context.writeAndFlush(data, promise: written)
        }
    }

    /// Half-closes (no more output), then closes after `lingeringTime`; closes at once where
    /// the socket cannot half-close.
    private static func lingeringClose(_ channel: any Channel) {
        let halfClosed = channel.eventLoop.makePromise(of: Void.self)
        halfClosed.futureResult.whenComplete { result in
            if case .failure = result {
                channel.close(promise: nil)
                return
            }
            channel.eventLoop.scheduleTask(in: lingeringTime) { channel.close(promise: nil) }
        }
        channel.close(mode: .output, promise: halfClosed)
    }
}
