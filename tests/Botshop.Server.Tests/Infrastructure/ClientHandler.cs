using System.Net;
using System.Net.Sockets;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>HTTP handlers whose connections leave from a chosen loopback address (all of 127.0.0.0/8 is loopback on Linux).</summary>
public static class ClientHandler
{
    public static SocketsHttpHandler FromAddress(IPAddress local) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
