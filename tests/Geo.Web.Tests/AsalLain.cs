using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Geo.Web.Tests;

/// <summary>
/// Another site on two loopback ports (two origins): a portal page framing the embed. The first
/// port is in Geo:Embed:FrameAncestors and Geo:Cors:Origins, the second in neither.
/// <c>GET /?src=URL</c> answers a page with one iframe of that URL.
/// </summary>
public sealed class AsalLain : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public string Diizinkan { get; }
    public string Ditolak { get; }

    public AsalLain()
    {
        Diizinkan = $"http://127.0.0.1:{FreePort()}";
        Ditolak = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Diizinkan + "/");
        _listener.Prefixes.Add(Ditolak + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The portal page on <paramref name="origin"/> framing <paramref name="src"/>.</summary>
    public static string Page(string origin, string src) => $"{origin}/?src={Uri.EscapeDataString(src)}";

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            var src = WebUtility.HtmlEncode(context.Request.QueryString["src"] ?? "about:blank");
            var html = $"""
                <!doctype html><html lang="id"><head><meta charset="utf-8"><title>Portal uji</title></head>
                <body style="margin:0"><h1 style="font:16px sans-serif">Portal publikasi (uji)</h1>
                <iframe id="sematan" src="{src}" width="800" height="560" style="border:0" title="Peta TPPS"></iframe></body></html>
                """;
            var bytes = Encoding.UTF8.GetBytes(html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        _stop.Dispose();
    }
}
