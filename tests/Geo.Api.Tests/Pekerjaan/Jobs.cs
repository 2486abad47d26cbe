using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Geo.Api.Tests.Pekerjaan;

/// <summary>What the job tests share: fast worker settings, uploads, polling a job, and holding an import mid-run.</summary>
internal static class Jobs
{
    /// <summary>An instance that looks for work often and holds a short lease, so takeovers happen within seconds.</summary>
    public static WebApplicationFactory<Program> Instance(WebApplicationFactory<Program> database, int maksimumPercobaan = 3, bool aktif = true) =>
        database.WithWebHostBuilder(b => b
            .UseSetting("Geo:Pekerjaan:Aktif", aktif ? "true" : "false")
            .UseSetting("Geo:Pekerjaan:PeriksaMilidetik", "200")
            .UseSetting("Geo:Pekerjaan:DetakMilidetik", "300")
            .UseSetting("Geo:Pekerjaan:SewaDetik", "3")
            .UseSetting("Geo:Pekerjaan:MaksimumPercobaan", maksimumPercobaan.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Geo:RateLimit:PermintaanPerMenit", "100000"));

    public static MultipartFormDataContent Form(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "berkas", name } };
    }

    /// <summary>Posts with <c>?latar=true</c>, checks the 202 and its Location, and gives the job's address.</summary>
    public static async Task<string> StartAsync(HttpClient client, string url, HttpContent? content = null)
    {
        using var response = content is null ? await client.GetAsync(url) : await client.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        var location = response.Headers.Location!.ToString();
        var job = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/pekerjaan/{job.GetProperty("id").GetInt64()}", location);
        Assert.Equal("antri", job.GetProperty("status").GetString());
        Assert.Equal("respond-async", response.Headers.GetValues("Preference-Applied").Single());
        return location;
    }

    /// <summary>Polls the job until <paramref name="until"/> holds; fails with the last state seen after a minute and a half.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string location, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (until(job)) return job;
            await Task.Delay(100);
        }
        Assert.Fail($"pekerjaan {location} tidak mencapai keadaan yang ditunggu: {job}");
        return job;
    }

    public static Task<JsonElement> EndedAsync(HttpClient client, string location) =>
        WaitAsync(client, location, j => j.GetProperty("status").GetString() is "selesai" or "gagal" or "dibatalkan");

    public static string Status(this JsonElement job) => job.GetProperty("status").GetString()!;

    public static string Tahap(this JsonElement job) => job.GetProperty("tahap").GetString()!;

    public static string? Instans(this JsonElement job) => job.GetProperty("instans").GetString();

    /// <summary>
    /// Holds the lock an indicator import of this file with these options takes before it writes
    /// (<see cref="IndikatorImporter.LockKey"/>), so a job importing it stops there, mid-transaction,
    /// until the returned object is disposed: a slow national import, without a test hook in the server.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldImportAsync(PostgisDatabase db, byte[] file, IndikatorImportOptions options)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        var conn = await db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", conn))
        {
            cmd.Parameters.AddWithValue(IndikatorImporter.LockKey(hash, options.Parameter));
            await cmd.ExecuteNonQueryAsync();
        }
        return new Held(conn, tx);
    }

    private sealed class Held(NpgsqlConnection conn, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await tx.DisposeAsync();
            await conn.DisposeAsync();
        }
    }
}
