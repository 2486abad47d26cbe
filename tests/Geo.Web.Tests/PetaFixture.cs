using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>
/// The real API on Kestrel (loopback, a free port) over a fresh database with the Kota Metro demo
/// (boundaries, real 2022 prevalence, synthetic coverage, all published), serving the page's
/// build, and Debian's headless Chromium driven by Playwright.
/// </summary>
public class PetaFixture : IAsyncLifetime, IDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private sealed class Factory(string connectionString, string webFolder, AsalLain lain) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GEO_DATABASE_URL", connectionString);
            builder.UseSetting("Geo:Web:Folder", webFolder);
            // Every browser test is one anonymous loopback address: together they pass the per-minute
            // limit (600) within a minute, which the API tests check on their own.
            builder.UseSetting("Geo:RateLimit:PermintaanPerMenit", "0");
            // One of the other site's two origins may frame the embed and fetch tiles; the other may not.
            builder.UseSetting("Geo:Embed:FrameAncestors", lain.Diizinkan);
            builder.UseSetting("Geo:Cors:Origins", lain.Diizinkan);
        }
    }

    private Factory? _factory;
    private IPlaywright? _playwright;

    public PostgisDatabase Database { get; } = new();

    /// <summary>Another site, to frame the embed from another origin.</summary>
    public AsalLain Lain { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The server's services, to make an account as `geo akun tambah` would.</summary>
    public IServiceProvider Services => _factory!.Services;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var web = Path.Combine(DataFiles.ProjectRoot, "web", "dist");
        if (!File.Exists(Path.Combine(web, "index.html")))
        {
            throw new InvalidOperationException($"the map page is not built ({web}/index.html missing): run `npm ci && npm run build` in web/, as ./geo test does");
        }
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: the browser tests need Debian's chromium (apt-get install chromium; ./geo test installs it as root)");
        }

        await Database.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Database);
        var prevalensi = await new IndikatorImporter(Database.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        if (!prevalensi.Berhasil) throw new InvalidOperationException("the Kota Metro prevalence did not import");
        await Uji.TerbitkanAsync(Database, prevalensi);
        var sintetis = await new DemoSintetis(Database.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, terbitkan: true);
        if (!sintetis.Berhasil) throw new InvalidOperationException("the synthetic coverage did not import");
        // An earlier period of synthetic coverage, so the desa panel has a trend to draw.
        var awal = await new DemoSintetis(Database.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-02"), 1873, Uji.Lokal, terbitkan: true);
        if (!awal.Berhasil) throw new InvalidOperationException("the earlier synthetic coverage did not import");
        await MuatTambahanAsync(Database);

        _factory = new Factory(Database.ConnectionString, web, Lain);
        _factory.UseKestrel(0);
        _factory.StartServer();
        Http = _factory.CreateClient();
        BaseUrl = Http.BaseAddress!.ToString().TrimEnd('/');

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>More data for a fixture of its own (before the server starts); the shared one has none.</summary>
    protected virtual Task MuatTambahanAsync(PostgisDatabase database) => Task.CompletedTask;

    public async Task<IPage> OpenAsync(string query = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync($"{BaseUrl}/{query}");
        try
        {
            await WaitReadyAsync(page);
        }
        catch (TimeoutException e)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "gagal-memuat.png") });
            throw new TimeoutException($"the page did not become ready; browser errors: {string.Join(" | ", errors)}", e);
        }
        return page;
    }

    /// <summary>The page marks body[data-status=siap] once the values are painted and the map is idle.</summary>
    public static Task WaitReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-status=siap]", new PageWaitForSelectorOptions { Timeout = 60_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Http?.Dispose();
        _factory?.Dispose();
        Lain.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PetaKoleksi : ICollectionFixture<PetaFixture>
{
    public const string Name = "peta";
}
