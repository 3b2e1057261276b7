using System.Net;
using System.Text;

namespace CareStories.Benchmark.Tests;

/// <summary>
/// The size check compares wrk's bytes per response, which count the status line and headers, with the page checked
/// before the load: both sides must count the same things, or a small file with large headers looks like a wrong page.
/// </summary>
public sealed class ResponseSizeTests
{
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Café “heart”</title></svg>";

    [Fact]
    public async Task A_checked_response_counts_its_status_line_headers_and_body_bytes_as_they_travel()
    {
        using var response = StaticFileResponse();
        var wire = "HTTP/1.1 200 OK\r\n"
            + "Cache-Control: max-age=3600, must-revalidate\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\r\n"
            + "Set-Cookie: a=1; path=/\r\n"
            + "Set-Cookie: b=2; path=/\r\n"
            + "Content-Type: image/svg+xml\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(Svg)}\r\n"
            + "\r\n"
            + Svg;

        Assert.Equal(Encoding.UTF8.GetByteCount(wire), await BrowserSession.WireBytesAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task A_static_file_whose_headers_outweigh_its_body_passes_the_size_check()
    {
        // The favicon: 894 bytes of body, about 1,090 of headers; wrk read 1,980 bytes per response.
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[894]) };
        response.Headers.Add("Content-Security-Policy", new string('x', 1_000));
        var checkedBytes = await BrowserSession.WireBytesAsync(response, CancellationToken.None);
        var wrk = WrkOutput.Parse($"""
              1 threads and 16 connections
              Latency Distribution
                 50%  812.00us
                 99%    2.50ms
              1000 requests in 1.00s, {1_980_000 / 1024.0:0.00}KB read
            Requests/sec:   1000.00
            """);

        Assert.Null(LoadRun.Problem(new Measurement(new Target("static", "Static file", "/favicon.svg"), wrk, TimeSpan.Zero, 0, checkedBytes)));
        Assert.NotNull(LoadRun.Problem(new Measurement(new Target("static", "Static file", "/favicon.svg"), wrk, TimeSpan.Zero, 0, 894)));
    }

    private static HttpResponseMessage StaticFileResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Svg)) };
        response.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { MaxAge = TimeSpan.FromHours(1), MustRevalidate = true };
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.Headers.Add("Set-Cookie", ["a=1; path=/", "b=2; path=/"]);
        response.Content.Headers.ContentType = new("image/svg+xml");
        response.Content.Headers.ContentLength = Encoding.UTF8.GetByteCount(Svg);
        return response;
    }
}
