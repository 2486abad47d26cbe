using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;

namespace Geo.Api.Tests.Lokus;

/// <summary>Lokus lists over HTTP, on Kota Metro: the draft/final life, who may see and write, the desa rules, the exports and the audit trail.</summary>
public sealed class LokusEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private HttpClient Analis() => factory.ClientAs("ana-metro", "18.72", Peran.Analis);

    private static object Body(string nama, int tahun, params (string Kode, string Alasan)[] desa) =>
        new { nama, wilayah = "18.72", tahun, desa = desa.Select(d => new { kode = d.Kode, alasan = d.Alasan }).ToArray() };

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<long> CreateAsync(string nama, params (string Kode, string Alasan)[] desa)
    {
        var created = await Ok(await Analis().PostAsJsonAsync("/api/lokus", Body(nama, 2025, desa)), HttpStatusCode.Created);
        return created.GetProperty("lokus").GetProperty("id").GetInt64();
    }

    private static string[] Codes(JsonElement detail) =>
        detail.GetProperty("desa").EnumerateArray().Select(d => d.GetProperty("kode").GetString()!).ToArray();

    [Fact]
    public async Task A_draft_is_made_read_replaced_and_finalised_and_then_refuses_every_change()
    {
        var analis = Analis();
        var id = await CreateAsync("Lokus uji siklus", ("18.72.01.1001", "prevalensi tertinggi"), ("18.72.02.1001", "hot spot Gi*"));

        var draft = await Ok(await analis.GetAsync($"/api/lokus/{id}"));
        Assert.Equal("draf", draft.GetProperty("lokus").GetProperty("status").GetString());
        Assert.Equal(["18.72.01.1001", "18.72.02.1001"], Codes(draft));
        Assert.Equal("ana-metro", draft.GetProperty("lokus").GetProperty("dibuatOleh").GetString());
        Assert.False(string.IsNullOrEmpty(draft.GetProperty("desa")[0].GetProperty("nama").GetString()));

        var updated = await Ok(await analis.PutAsJsonAsync($"/api/lokus/{id}",
            Body("Lokus uji siklus (revisi)", 2026, ("18.72.02.1001", "hot spot Gi*"), ("18.72.01.1002", "cakupan L20 rendah"))));
        Assert.Equal("Lokus uji siklus (revisi)", updated.GetProperty("lokus").GetProperty("nama").GetString());
        Assert.Equal(2026, updated.GetProperty("lokus").GetProperty("tahun").GetInt32());
        Assert.Equal(["18.72.02.1001", "18.72.01.1002"], Codes(updated));
        Assert.Equal([1, 2], updated.GetProperty("desa").EnumerateArray().Select(d => d.GetProperty("urutan").GetInt32()).ToArray());
        Assert.Equal("cakupan L20 rendah", updated.GetProperty("desa")[1].GetProperty("alasan").GetString());

        var final = await Ok(await analis.PostAsync($"/api/lokus/{id}/final", null));
        Assert.Equal("final", final.GetProperty("lokus").GetProperty("status").GetString());

        using var edit = await analis.PutAsJsonAsync($"/api/lokus/{id}", Body("lagi", 2026, ("18.72.01.1001", "x")));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analis.PostAsync($"/api/lokus/{id}/final", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analis.DeleteAsync($"/api/lokus/{id}")).StatusCode);
        Assert.Equal(["18.72.02.1001", "18.72.01.1002"], Codes(await Ok(await analis.GetAsync($"/api/lokus/{id}"))));
    }

    [Fact]
    public async Task Anonymous_callers_see_final_lists_only_and_no_account_names()
    {
        var draft = await CreateAsync("Lokus uji draf tersembunyi", ("18.72.01.1001", "a"));
        var final = await CreateAsync("Lokus uji final terbuka", ("18.72.01.1002", "b"));
        await Ok(await Analis().PostAsync($"/api/lokus/{final}/final", null));
        var anonymous = factory.CreateClient();

        var list = await Ok(await anonymous.GetAsync("/api/lokus?wilayah=18.72&tahun=2025"));
        var ids = list.EnumerateArray().Select(l => l.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(final, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.All(list.EnumerateArray(), l => Assert.Equal("final", l.GetProperty("status").GetString()));
        Assert.All(list.EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("dibuatOleh").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/lokus/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/lokus/{draft}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/lokus/{final}")).StatusCode);

        // A role holder of the area sees the draft as well.
        var metro = await Ok(await factory.ClientAs("vera-metro", "18.72", Peran.Verifikator).GetAsync("/api/lokus?wilayah=18.72"));
        Assert.Contains(draft, metro.EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        // Writing needs an account.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/lokus", Body("x", 2025))).StatusCode);
    }

    [Fact]
    public async Task A_neighbouring_analis_can_neither_write_nor_see_a_Metro_draft()
    {
        var id = await CreateAsync("Lokus uji tetangga", ("18.72.01.1001", "a"));
        var tetangga = factory.ClientAs("ana-metro-barat", "18.71", Enum.GetValues<Peran>());

        Assert.Equal(HttpStatusCode.Forbidden, (await tetangga.PostAsJsonAsync("/api/lokus", Body("bukan milik", 2025, ("18.72.01.1001", "a")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tetangga.PutAsJsonAsync($"/api/lokus/{id}", Body("diambil alih", 2025))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tetangga.PostAsync($"/api/lokus/{id}/final", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tetangga.DeleteAsync($"/api/lokus/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tetangga.GetAsync($"/api/lokus/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tetangga.GetAsync($"/api/lokus/{id}.geojson")).StatusCode);
        var list = await Ok(await tetangga.GetAsync("/api/lokus"));
        Assert.DoesNotContain(id, list.EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));

        // A Metro account without the analis role may see the draft but not change it.
        var operatorMetro = factory.ClientAs("opa-metro", "18.72", Peran.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorMetro.GetAsync($"/api/lokus/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorMetro.DeleteAsync($"/api/lokus/{id}")).StatusCode);
        var still = await Ok(await Analis().GetAsync($"/api/lokus/{id}"));
        Assert.Equal("Lokus uji tetangga", still.GetProperty("lokus").GetProperty("nama").GetString());
    }

    [Theory]
    [InlineData("18.71.01.1001", "tidak berada di 18.72")]
    [InlineData("18.72.01", "bukan kode desa")]
    [InlineData("18.72.01.1999", "tidak ada di tabel wilayah")]
    public async Task A_desa_that_is_not_a_desa_of_the_list_s_kab_kota_is_refused_by_name(string kode, string detail)
    {
        using var create = await Analis().PostAsJsonAsync("/api/lokus", Body("Lokus uji salah desa", 2025, ("18.72.01.1001", "a"), (kode, "b")));
        var text = await create.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains(kode, text);
        Assert.Contains(detail, text);
        Assert.Contains("desa[1]", text);

        var id = await CreateAsync("Lokus uji salah desa (ubah)", ("18.72.01.1001", "a"));
        using var update = await Analis().PutAsJsonAsync($"/api/lokus/{id}", Body("Lokus uji salah desa (ubah)", 2025, (kode, "b")));
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal(["18.72.01.1001"], Codes(await Ok(await Analis().GetAsync($"/api/lokus/{id}"))));
    }

    [Fact]
    public async Task Names_reasons_and_finalising_have_their_limits()
    {
        var analis = Analis();
        Assert.Equal(HttpStatusCode.BadRequest, (await analis.PostAsJsonAsync("/api/lokus", Body(new string('n', 201), 2025))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analis.PostAsJsonAsync("/api/lokus",
            Body("Lokus uji alasan panjang", 2025, ("18.72.01.1001", new string('a', 1001))))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analis.PostAsJsonAsync("/api/lokus",
            new { nama = "Lokus uji kecamatan", wilayah = "18.72.01", tahun = 2025, desa = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analis.PostAsJsonAsync("/api/lokus", Body(new string('n', 200), 2025))).StatusCode);

        var empty = await CreateAsync("Lokus uji kosong");
        Assert.Equal(HttpStatusCode.BadRequest, (await analis.PostAsync($"/api/lokus/{empty}/final", null)).StatusCode);
        var unjustified = await CreateAsync("Lokus uji tanpa alasan", ("18.72.01.1001", " "));
        using var refused = await analis.PostAsync($"/api/lokus/{unjustified}/final", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("18.72.01.1001", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await analis.DeleteAsync($"/api/lokus/{empty}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analis.GetAsync($"/api/lokus/{empty}")).StatusCode);
    }

    [Fact]
    public async Task The_csv_and_geojson_exports_carry_the_desa_and_their_reasons()
    {
        var id = await CreateAsync("Lokus uji ekspor", ("18.72.02.1001", "hot spot, \"Gi*\" 99%"), ("18.72.01.1001", "=1+1 bukan rumus"));
        await Ok(await Analis().PostAsync($"/api/lokus/{id}/final", null));
        var anonymous = factory.CreateClient();

        using var csv = await anonymous.GetAsync($"/api/lokus/{id}.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kode,nama desa,kecamatan,alasan", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("18.72.02.1001,", lines[1]);
        Assert.EndsWith(",\"hot spot, \"\"Gi*\"\" 99%\"", lines[1]);
        Assert.StartsWith("18.72.01.1001,", lines[2]);
        Assert.EndsWith(",'=1+1 bukan rumus", lines[2]);
        Assert.Equal(4, lines[2].Split(',').Length);

        using var geojson = await anonymous.GetAsync($"/api/lokus/{id}.geojson");
        Assert.Equal(HttpStatusCode.OK, geojson.StatusCode);
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType?.MediaType);
        var fc = JsonDocument.Parse(await geojson.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["18.72.02.1001", "18.72.01.1001"], features.Select(f => f.GetProperty("properties").GetProperty("kode").GetString()!).ToArray());
        Assert.Equal("hot spot, \"Gi*\" 99%", features[0].GetProperty("properties").GetProperty("alasan").GetString());
        Assert.Equal(2, features[1].GetProperty("properties").GetProperty("urutan").GetInt32());
        Assert.False(string.IsNullOrEmpty(features[0].GetProperty("properties").GetProperty("nama").GetString()));
        Assert.Equal("MultiPolygon", features[0].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_with_who_and_what()
    {
        var analis = Analis();
        var id = await CreateAsync("Lokus uji audit", ("18.72.01.1001", "alasan pertama"));
        await Ok(await analis.PutAsJsonAsync($"/api/lokus/{id}", Body("Lokus uji audit", 2025, ("18.72.01.1002", "alasan kedua"))));
        await Ok(await analis.PostAsync($"/api/lokus/{id}/final", null));
        var gone = await CreateAsync("Lokus uji audit dihapus");
        Assert.Equal(HttpStatusCode.NoContent, (await analis.DeleteAsync($"/api/lokus/{gone}")).StatusCode);
        // A refused change writes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await analis.PutAsJsonAsync($"/api/lokus/{id}", Body("x", 2025))).StatusCode);

        var audit = await Ok(await factory.ClientAs("adi-metro", "18.72", Peran.Admin).GetAsync("/api/audit?wilayah=18.72&batas=1000"));
        var entries = audit.EnumerateArray().Where(e => e.GetProperty("objek").GetString() == "lokus").ToList();
        var mine = entries.Where(e => e.GetProperty("objekId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(["buat_lokus", "ubah_lokus", "finalkan_lokus"], mine.Select(e => e.GetProperty("aksi").GetString()!).ToArray());
        Assert.All(mine, e => Assert.Equal("ana-metro", e.GetProperty("pengguna").GetString()));
        Assert.All(mine, e => Assert.Equal("18.72", e.GetProperty("wilayah").GetString()));
        Assert.Contains("18.72.01.1002: alasan kedua", mine[1].GetProperty("alasan").GetString());
        Assert.Equal("final", mine[2].GetProperty("keStatus").GetString());
        Assert.Contains(entries, e => e.GetProperty("aksi").GetString() == "hapus_lokus"
            && e.GetProperty("objekId").GetString() == gone.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_history_of_a_list_is_its_audit_entries_for_role_holders_of_its_area_only()
    {
        var analis = Analis();
        var id = await CreateAsync("Lokus uji riwayat", ("18.72.01.1001", "alasan pertama"));
        await Ok(await analis.PutAsJsonAsync($"/api/lokus/{id}", Body("Lokus uji riwayat", 2025, ("18.72.01.1002", "alasan kedua"))));
        await Ok(await analis.PostAsync($"/api/lokus/{id}/final", null));
        var other = await CreateAsync("Lokus uji riwayat lain", ("18.72.01.1003", "bukan milik daftar tadi"));

        var riwayat = await Ok(await factory.ClientAs("opi-metro", "18.72", Peran.Operator).GetAsync($"/api/lokus/{id}/riwayat"));
        var rows = riwayat.EnumerateArray().ToList();
        Assert.Equal(["buat_lokus", "ubah_lokus", "finalkan_lokus"], rows.Select(e => e.GetProperty("aksi").GetString()!).ToArray());
        Assert.Equal(["draf", "draf", "final"], rows.Select(e => e.GetProperty("keStatus").GetString()!).ToArray());
        Assert.All(rows, e => Assert.Equal("ana-metro", e.GetProperty("pengguna").GetString()));
        Assert.Contains("18.72.01.1001: alasan pertama", rows[0].GetProperty("isi").GetString());
        Assert.DoesNotContain(rows, e => e.GetProperty("isi").GetString()!.Contains("bukan milik", StringComparison.Ordinal));
        Assert.True(rows[0].GetProperty("waktu").GetDateTimeOffset() <= rows[2].GetProperty("waktu").GetDateTimeOffset());

        // The final list is public, its history is not; a draft is not even found by a neighbour.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/lokus/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/lokus/{id}/riwayat")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("tanpa-peran", "18.72").GetAsync($"/api/lokus/{id}/riwayat")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await factory.ClientAs("ana-tetangga", "18.71", Peran.Analis).GetAsync($"/api/lokus/{other}/riwayat")).StatusCode);
    }
}
