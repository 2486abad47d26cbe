using System.Text.Json;
using Geo.Core.Akun;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Analisis;

/// <summary>A stored analysis over time: its run id and the result as JSON (what /api/analisis/waktu answers).</summary>
public sealed record TemporalRunRef(long Id, string Json);

/// <summary>
/// Stores an analysis over time as a run like any other (tables <c>analisis</c>, <c>analisis_unit</c>),
/// so the analysis tiles and OGC collections serve it by id with no code of their own: its units are
/// the last period's ordinary run (class, LISA, Gi*, posterior, bivariate), copied in SQL, plus the
/// change, trend and emerging hot spot columns; <c>periode</c> lists the periods. It is found again
/// by the data versions it was computed at (as <see cref="AnalysisStore.UseUnchangedAsync"/>): a
/// temporal run reads every period, so the versions of the data are its input's version, and any
/// write of values computes it anew. Retention is the ordinary runs' (least recently used first).
/// </summary>
public sealed class TemporalRunStore(NpgsqlDataSource dataSource, SituationAnalysisService situation, TemporalAnalysisService temporal)
{
    private const string SameParameters = AnalysisStore.SameParameters;
    private const string DataVersions = AnalysisStore.DataVersions;

    public async Task<TemporalRunRef> EnsureAsync(Caller caller, TemporalRequest request, CancellationToken ct = default)
    {
        SituationAnalysisService.EnsureAllowed(caller, request.Dasar);

        string dataVersion;
        await using (var cmd = dataSource.CreateCommand($"""
            WITH v AS (SELECT {DataVersions} AS versi),
            u AS (
                UPDATE analisis SET dipakai = clock_timestamp()
                WHERE {SameParameters} AND versi_data = (SELECT versi FROM v) AND waktu IS NOT NULL
                RETURNING id, waktu::text)
            SELECT v.versi, u.id, u.waktu FROM v LEFT JOIN u ON true
            """))
        {
            AddKey(cmd, request);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            dataVersion = reader.GetString(0);
            if (!reader.IsDBNull(1)) return new TemporalRunRef(reader.GetInt64(1), reader.GetString(2));
        }

        // Run on the values this caller may see, as the ordinary run (same view, same area): both check access.
        var baseRun = await situation.EnsureAsync(caller, request.Dasar, ct);
        var result = await temporal.RunAsync(caller, request, dataVersion, ct);
        var inputVersion = $"{dataVersion}|{baseRun.InputVersion}";

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long id;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO analisis (wilayah, tingkat, indikator, periode, parameter_hash, parameter, versi_input, ringkasan, sintetis, tampilan, versi_data)
            SELECT $1, $2, $3, $4, $5, $6::jsonb, $7, b.ringkasan, b.sintetis OR $8, b.tampilan, $9
            FROM analisis b WHERE b.id = $10
            ON CONFLICT ON CONSTRAINT analisis_parameter_input_key DO NOTHING
            RETURNING id
            """, conn, tx))
        {
            AddKey(cmd, request);
            cmd.Parameters.AddWithValue(JsonSerializer.Serialize(new { waktu = request.Parameters(), dasar = JsonDocument.Parse(request.Dasar.ParameterJson()).RootElement }));
            cmd.Parameters.AddWithValue(inputVersion);
            cmd.Parameters.AddWithValue(result.Sintetis);
            cmd.Parameters.AddWithValue(dataVersion);
            cmd.Parameters.AddWithValue(baseRun.Id);
            if (await cmd.ExecuteScalarAsync(ct) is not long inserted)
            {
                // Stored by an identical request meanwhile, or the base run evicted in between.
                await tx.RollbackAsync(ct);
                return await FindAsync(request, inputVersion, ct) ?? throw SituationAnalysisService.Evicted(baseRun.Id);
            }
            id = inserted;
        }

        await using (var copy = new NpgsqlCommand("""
            INSERT INTO analisis_unit (analisis, kode, nilai, eb_global, eb_lokal, local_i, local_z, local_p, lisa, gi_z, gi_p, gi_bin, kelas, alasan,
                                       peluang_tinggi, ki_bawah, ki_atas, tidak_pasti, bv_i, bv_p, bv_lisa,
                                       cakupan_dinilai, cakupan_memenuhi, moran_z, moran_lag,
                                       perubahan_selisih, perubahan_p, perubahan_arah, tren_tau, tren_p, tren_sen, tren_arah, pola_titik_panas)
            SELECT $1, b.kode, b.nilai, b.eb_global, b.eb_lokal, b.local_i, b.local_z, b.local_p, b.lisa, b.gi_z, b.gi_p, b.gi_bin, b.kelas, b.alasan,
                   b.peluang_tinggi, b.ki_bawah, b.ki_atas, b.tidak_pasti, b.bv_i, b.bv_p, b.bv_lisa,
                   b.cakupan_dinilai, b.cakupan_memenuhi, b.moran_z, b.moran_lag,
                   t.selisih, t.p, t.arah, t.tau, t.tren_p, t.sen, t.tren_arah, t.pola
            FROM analisis_unit b
            LEFT JOIN unnest($3::text[], $4::float8[], $5::float8[], $6::text[], $7::float8[], $8::float8[], $9::float8[], $10::text[], $11::text[])
                 AS t(kode, selisih, p, arah, tau, tren_p, sen, tren_arah, pola) ON t.kode = b.kode
            WHERE b.analisis = $2
            """, conn, tx))
        {
            var units = result.Unit;
            copy.Parameters.AddWithValue(id);
            copy.Parameters.AddWithValue(baseRun.Id);
            copy.Parameters.Add(Array(units.Select(u => u.Kode)));
            copy.Parameters.Add(Array(units.Select(u => Finite(u.Perubahan.Selisih))));
            copy.Parameters.Add(Array(units.Select(u => Finite(u.Perubahan.P))));
            copy.Parameters.Add(Array(units.Select(u => u.Perubahan.Arah)));
            copy.Parameters.Add(Array(units.Select(u => Finite(u.Tren?.Tau))));
            copy.Parameters.Add(Array(units.Select(u => Finite(u.Tren?.P))));
            copy.Parameters.Add(Array(units.Select(u => Finite(u.Tren?.SenPerTahun))));
            copy.Parameters.Add(Array(units.Select(u => u.Tren?.Arah)));
            copy.Parameters.Add(Array(units.Select(u => u.TitikPanas?.Pola)));
            await copy.ExecuteNonQueryAsync(ct);
        }

        await using (var interventions = new NpgsqlCommand(
            "INSERT INTO analisis_intervensi (analisis, urutan, kode, isi) SELECT $1, urutan, kode, isi FROM analisis_intervensi WHERE analisis = $2", conn, tx))
        {
            interventions.Parameters.AddWithValue(id);
            interventions.Parameters.AddWithValue(baseRun.Id);
            await interventions.ExecuteNonQueryAsync(ct);
        }

        var json = JsonSerializer.Serialize(result with { Analisis = id }, AnalysisJson.Options);
        await using (var save = new NpgsqlCommand("UPDATE analisis SET waktu = $2::jsonb WHERE id = $1", conn, tx))
        {
            save.Parameters.AddWithValue(id);
            save.Parameters.AddWithValue(json);
            await save.ExecuteNonQueryAsync(ct);
        }
        // The same parameters at older data: replaced (their tiles then answer 404), as ordinary runs are.
        await using (var replaced = new NpgsqlCommand($"DELETE FROM analisis WHERE {SameParameters} AND versi_input <> $6 AND disimpan_oleh IS NULL", conn, tx))
        {
            AddKey(replaced, request);
            replaced.Parameters.AddWithValue(inputVersion);
            await replaced.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new TemporalRunRef(id, json);
    }

    private async Task<TemporalRunRef?> FindAsync(TemporalRequest request, string inputVersion, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE analisis SET dipakai = clock_timestamp()
            WHERE {SameParameters} AND versi_input = $6 AND waktu IS NOT NULL
            RETURNING id, waktu::text
            """);
        AddKey(cmd, request);
        cmd.Parameters.AddWithValue(inputVersion);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new TemporalRunRef(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static void AddKey(NpgsqlCommand cmd, TemporalRequest request)
    {
        cmd.Parameters.AddWithValue(request.Wilayah.Value);
        cmd.Parameters.AddWithValue((short)request.Dasar.Tingkat);
        cmd.Parameters.AddWithValue(request.Dasar.Indikator);
        cmd.Parameters.AddWithValue(request.PeriodeList);
        cmd.Parameters.AddWithValue(request.ParameterHash());
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private static NpgsqlParameter Array(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Array(IEnumerable<double?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double };
}
