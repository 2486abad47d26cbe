using System.Collections.Concurrent;
using System.Net;
using Geo.Api.Tests.Peta;
using Geo.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Geo.Api.Tests.Hosting;

/// <summary>
/// The shipped appsettings.json: a map asks for dozens of tiles per view, and framework logging of
/// every request at Information flooded the console and cost a quarter of tile throughput.
/// </summary>
public sealed class LoggingDefaultsTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    [Fact]
    public async Task Serving_a_tile_logs_nothing_from_the_framework_below_warning()
    {
        var entries = new ConcurrentQueue<(string Category, LogLevel Level)>();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new RecordingLoggerProvider(entries))));
        using var client = host.CreateClient();
        var (x, y) = TileMath.TileOf(105.31, -5.11, 12); // Kota Metro

        using var response = await client.GetAsync($"/tiles/desa/12/{x}/{y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(entries, e => e.Level < LogLevel.Warning
            && (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)));
        // The filter lowers the framework's noise only: other categories still log at Information.
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.True(loggers.CreateLogger("Geo.Api").IsEnabled(LogLevel.Information));
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<(string, LogLevel)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, entries);

        public void Dispose() { }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<(string, LogLevel)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel));
    }
}
