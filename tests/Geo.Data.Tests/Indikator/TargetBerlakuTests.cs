using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Ekspor;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>
/// The target a query over many wilayah gives each row (the values of /api/nilai, the wilayah
/// export) is the one <c>target_berlaku</c> gives that wilayah alone: its own, else its
/// kecamatan's, kab/kota's, provinsi's, else national; a target of a batch not yet published does
/// not count. Each case sets targets in Kota Metro (18.72) and checks every unit of every level.
/// </summary>
public sealed class TargetBerlakuTests : PostgisTest
{
    private const string Desa = "18.72.01.1001";
    private static readonly Periode Periode2024 = Periode.Parse("2024");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    /// <summary>A target to set: at a wilayah, with a value, set one by one (no batch) or brought by a batch in this status.</summary>
    public sealed record Target(string Wilayah, double Nilai, string? Batch = null);

    public static TheoryData<string, string, Target[], double?, string?> Cases => new()
    {
        { "desa", "L20", [new(Desa, 11), new("18.72.01", 12), new("18.72", 13), new("18", 14)], 11, Desa },
        { "kecamatan", "L20", [new("18.72.01", 12), new("18.72", 13), new("18", 14)], 12, "18.72.01" },
        { "kabkota", "L20", [new("18.72", 13), new("18", 14), new("18.72.02", 15)], 13, "18.72" },
        { "provinsi", "L20", [new("18", 14)], 14, "18" },
        { "nasional saja", "L20", [], 90, "nasional" },
        { "tanpa target", "S01", [], null, null },
        { "tanpa target nasional, target kecamatan", "S01", [new("18.72.01", 7)], 7, "18.72.01" },
        { "batch draf diabaikan", "L20", [new(Desa, 11, "draf"), new("18.72.01", 12, "disetujui"), new("18.72", 13)], 13, "18.72" },
        { "batch draf saja", "L20", [new(Desa, 11, "draf")], 90, "nasional" },
        { "batch terbit berlaku", "L20", [new(Desa, 11, "terbit"), new("18.72", 13)], 11, Desa },
        { "batch ditarik diabaikan", "L20", [new(Desa, 11, "ditarik"), new("18", 14, "terbit")], 14, "18" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_row_gets_the_target_target_berlaku_gives_its_wilayah(string kasus, string indikator, Target[] targets,
        double? nilai, string? asal)
    {
        await SetAsync(indikator, targets);

        // What the case is about, for one desa: the reference itself must say it.
        var reference = await ReferenceAsync(indikator, [Desa]);
        Assert.True(reference[Desa] == (nilai is { } n ? new ApplicableTarget(n, asal!) : null), $"{kasus}: target_berlaku gives {reference[Desa]}");

        var queries = new NilaiQueries(Db.DataSource);
        foreach (var tingkat in new[] { Tingkat.Desa, Tingkat.Kecamatan, Tingkat.KabKota, Tingkat.Provinsi })
        {
            var rows = await queries.ValuesAsync(Caller.Anonim, null, tingkat, indikator, Periode2024);
            Assert.NotEmpty(rows);
            var expected = await ReferenceAsync(indikator, rows.Select(r => r.Kode).ToArray());
            Assert.All(rows, r => Assert.True(r.Target == expected[r.Kode], $"{kasus}, {tingkat} {r.Kode}: {r.Target} but target_berlaku {expected[r.Kode]}"));
        }

        var exports = new EksporQueries(Db.DataSource, new AnalysisStore(Db.DataSource, AnalysisRetention.Default), new LokusStore(Db.DataSource));
        foreach (var tingkat in new[] { Tingkat.Desa, Tingkat.Kecamatan })
        {
            var layer = await exports.WilayahAsync(Caller.Anonim, KodeWilayah.Parse("18.72"), tingkat, [indikator], Periode2024);
            var (kode, target) = (Field(layer, "kode"), Field(layer, "target"));
            var rows = new List<(string Kode, double? Target)>();
            await foreach (var row in layer.BarisAsync(BentukGeometri.Tanpa, default)) rows.Add(((string)row.Nilai[kode]!, (double?)row.Nilai[target]));
            Assert.NotEmpty(rows);
            var expected = await ReferenceAsync(indikator, rows.Select(r => r.Kode).ToArray());
            Assert.All(rows, r => Assert.True(r.Target == expected[r.Kode]?.Nilai, $"{kasus}, ekspor {tingkat} {r.Kode}: {r.Target} but target_berlaku {expected[r.Kode]}"));
        }
    }

    private static int Field(LapisanEkspor layer, string name) => layer.Kolom.Select((k, i) => (k, i)).Single(x => x.k.Nama == name).i;

    /// <summary>
    /// The targets as rows of <c>target</c> for 2024; a batch is a bare <c>impor_batch</c> row in the
    /// status named (the gate's own walk is tested elsewhere: here only the status counts).
    /// </summary>
    private async Task SetAsync(string indikator, Target[] targets)
    {
        foreach (var t in targets)
        {
            long? batch = null;
            if (t.Batch is { } status)
            {
                await using var insert = Db.DataSource.CreateCommand("""
                    INSERT INTO impor_batch (berkas, hash, sumber, pengguna, status, ditarik)
                    VALUES ('target.csv', gen_random_uuid()::text, 'uji', 'uji', $1, CASE WHEN $1 = 'ditarik' THEN now() END) RETURNING id
                    """);
                insert.Parameters.AddWithValue(status);
                batch = (long)(await insert.ExecuteScalarAsync())!;
            }
            await using var cmd = Db.DataSource.CreateCommand("INSERT INTO target (indikator, wilayah, tahun, nilai, sumber, batch) VALUES ($1, $2, 2024, $3, 'uji', $4)");
            cmd.Parameters.AddWithValue(indikator);
            cmd.Parameters.AddWithValue(t.Wilayah);
            cmd.Parameters.AddWithValue(t.Nilai);
            cmd.Parameters.AddWithValue((object?)batch ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>target_berlaku, one wilayah at a time: the rule the set queries must agree with.</summary>
    private async Task<Dictionary<string, ApplicableTarget?>> ReferenceAsync(string indikator, string[] kode)
    {
        await using var cmd = Db.DataSource.CreateCommand("SELECT k, t.nilai, t.asal FROM unnest($1::text[]) k LEFT JOIN LATERAL target_berlaku($2, k, 2024) t ON true");
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.AddWithValue(indikator);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new Dictionary<string, ApplicableTarget?>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.IsDBNull(1) ? null : new ApplicableTarget(reader.GetDouble(1), reader.GetString(2));
        }
        return result;
    }
}
