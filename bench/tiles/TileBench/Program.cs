// Tile benchmark driver. `sample` writes real tile coordinates over Java and Sulawesi;
// `latency` times, tile by tile and interleaved, the bare tile SQL (the same text the server runs,
// from Geo.Data's TileSql), an uncached HTTP request for the same tile, and a revalidation of it
// (If-None-Match, answered 304 without any SQL: the floor of the HTTP path).
//   TileBench sample  DB_URL ZOOM_FROM ZOOM_TO PER_ZOOM OUT_FILE
//   TileBench latency DB_URL SERVER_URL TILES_FILE ROUNDS
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Geo.Data.Database;
using Geo.Data.Peta;
using Npgsql;

var inv = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "sample":
        await Sample(args[1], int.Parse(args[2], inv), int.Parse(args[3], inv), int.Parse(args[4], inv), args[5]);
        break;
    case "latency":
        await Latency(args[1], args[2], args[3], int.Parse(args[4], inv));
        break;
    default:
        Console.Error.WriteLine("pakai: TileBench sample|latency ...");
        return 2;
}
return 0;

// Tiles under desa label points of Java (31-36) and Sulawesi (71-76), a fixed pseudo-random choice,
// each of the most detailed layer a map shows at its zoom (kecamatan below z8, then desa).
static async Task Sample(string db, int from, int to, int perZoom, string outFile)
{
    await using var source = GeoDataSource.Create(db);
    var lines = new List<string>();
    for (var z = from; z <= to; z++)
    {
        await using var cmd = source.CreateCommand("""
            WITH p AS (
                SELECT ST_X(titik_label) AS lon, ST_Y(titik_label) AS lat FROM wilayah
                WHERE tingkat = 4 AND (kode LIKE '3%' OR kode LIKE '7%')
            ),
            t AS (
                SELECT DISTINCT floor((lon + 180) / 360 * 2 ^ $1)::int AS x,
                       floor((1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * 2 ^ $1)::int AS y
                FROM p
            )
            SELECT x, y FROM t ORDER BY md5($1 || '/' || x || '/' || y) LIMIT $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = perZoom });
        await using var reader = await cmd.ExecuteReaderAsync();
        var layer = PetaLayer.All.Last(l => l.MinZoom <= z).Name;
        while (await reader.ReadAsync()) lines.Add($"{layer}/{z}/{reader.GetInt32(0)}/{reader.GetInt32(1)}");
    }
    await File.WriteAllLinesAsync(outFile, lines);
    Console.WriteLine($"{lines.Count} petak -> {outFile}");
}

static async Task Latency(string db, string server, string tilesFile, int rounds)
{
    var tiles = (await File.ReadAllLinesAsync(tilesFile)).Select(l => l.Split('/')).ToList();
    // The server's own tile pool settings (no parallel workers), so the SQL is timed as it runs there.
    await using var source = TileDataSource.Create(db);
    await using var conn = await source.DataSource.OpenConnectionAsync();
    using var http = new HttpClient { BaseAddress = new Uri(server) };

    var layers = new Dictionary<int, string>();
    var sql = new Dictionary<int, List<double>>();
    var web = new Dictionary<int, List<double>>();
    var paired = new Dictionary<int, List<double>>();
    var pairedRatio = new Dictionary<int, List<double>>();
    var handler = new Dictionary<int, List<double>>();
    var transport = new Dictionary<int, List<double>>();
    var revalidation = new Dictionary<int, List<double>>();
    var bytes = new Dictionary<int, List<long>>();
    async Task<(double Ms, long Bytes)> TimeSqlAsync(PetaLayer layer, int z, int x, int y)
    {
        var sw = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand(TileSql.For(layer, z, scoped: false), conn);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = x });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = y });
        await cmd.PrepareAsync();
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var mvt = reader.GetFieldValue<byte[]>(reader.FieldCount - 1); // the data versions come first
        return (sw.Elapsed.TotalMilliseconds, mvt.LongLength);
    }

    async Task<(double Ms, Dictionary<string, double> Timing, EntityTagHeaderValue ETag)> TimeHttpAsync(string url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        return (sw.Elapsed.TotalMilliseconds, ServerTiming(response), response.Headers.ETag!);
    }

    // A first pass warms both PostgreSQL's buffers and the server's JIT; it is not counted. The SQL
    // and the HTTP request of a tile take turns going first (by tile and round), so that neither
    // always finds the tile's pages freshly read into shared buffers by the other.
    for (var round = -1; round < rounds; round++)
    {
        for (var index = 0; index < tiles.Count; index++)
        {
            var t = tiles[index];
            var layer = PetaLayer.Find(t[0])!;
            var (z, x, y) = (int.Parse(t[1]), int.Parse(t[2]), int.Parse(t[3]));
            var url = $"/tiles/{layer.Name}/{z}/{x}/{y}.mvt";
            double sqlMs, webMs;
            long tileBytes;
            Dictionary<string, double> timing;
            EntityTagHeaderValue etag;
            if ((index + round) % 2 == 0)
            {
                (sqlMs, tileBytes) = await TimeSqlAsync(layer, z, x, y);
                (webMs, timing, etag) = await TimeHttpAsync(url);
            }
            else
            {
                (webMs, timing, etag) = await TimeHttpAsync(url);
                (sqlMs, tileBytes) = await TimeSqlAsync(layer, z, x, y);
            }
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            var sw = Stopwatch.StartNew();
            using var notModified = await http.SendAsync(conditional);
            var revalidationMs = sw.Elapsed.TotalMilliseconds;
            if (notModified.StatusCode != System.Net.HttpStatusCode.NotModified) throw new InvalidOperationException($"{url}: {notModified.StatusCode}, not 304");
            if (round < 0) continue;
            layers[z] = layer.Name;
            Add(bytes, z, tileBytes);
            Add(sql, z, sqlMs);
            Add(web, z, webMs);
            Add(paired, z, webMs - sqlMs);
            Add(pairedRatio, z, webMs / sqlMs);
            // The server's own split of the same request: its handler beyond its query, and what lies
            // outside the handler (Kestrel, loopback, this HttpClient).
            Add(handler, z, timing["app"] - timing["db"]);
            Add(transport, z, webMs - timing["app"]);
            Add(revalidation, z, revalidationMs);
        }
    }

    Console.WriteLine("| zoom | layer | tiles x rounds | mean KB | SQL p50 ms | SQL p99 ms | HTTP p50 ms | HTTP p99 ms | HTTP/SQL p50 | HTTP/SQL per tile, p50 | HTTP-SQL per tile, p50 ms | of which handler beyond its query, p50 ms | of which outside the handler, p50 ms | 304 p50 ms |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var z in sql.Keys.Order())
    {
        var s = sql[z];
        var w = web[z];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {z} | {layers[z]} | {s.Count / rounds} x {rounds} | {bytes[z].Average() / 1024:F0} | {P(s, 50):F1} | {P(s, 99):F1} | {P(w, 50):F1} | {P(w, 99):F1} | {P(w, 50) / P(s, 50):F2} | {P(pairedRatio[z], 50):F2} | {P(paired[z], 50):F2} | {P(handler[z], 50):F3} | {P(transport[z], 50):F2} | {P(revalidation[z], 50):F2} |"));
    }
}

// Server-Timing: "db;dur=0.412, app;dur=0.455" (milliseconds).
static Dictionary<string, double> ServerTiming(HttpResponseMessage response) =>
    string.Join(",", response.Headers.GetValues("Server-Timing"))
        .Split(',', StringSplitOptions.TrimEntries)
        .Select(metric => metric.Split(';'))
        .ToDictionary(parts => parts[0], parts => double.Parse(parts.Single(p => p.StartsWith("dur=", StringComparison.Ordinal))[4..], CultureInfo.InvariantCulture));

static void Add<T>(Dictionary<int, List<T>> into, int z, T value)
{
    if (!into.TryGetValue(z, out var list)) into[z] = list = [];
    list.Add(value);
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}
