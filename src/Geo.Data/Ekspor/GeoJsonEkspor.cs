using System.Text.Encodings.Web;
using System.Text.Json;

namespace Geo.Data.Ekspor;

/// <summary>
/// RFC 7946 GeoJSON: WGS 84 lon/lat without a "crs" member, exterior rings counter-clockwise
/// (PostGIS orients and encodes them), written feature by feature to the stream.
/// </summary>
public static class GeoJsonEkspor
{
    public static async Task<long> WriteAsync(LapisanEkspor layer, Stream output, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", layer.Nama);
        // Foreign members (RFC 7946 6.1): what the file is, and whether it holds synthetic data.
        json.WriteString("judul", layer.Metadata.Judul);
        json.WriteString("sumber", layer.Metadata.Sumber);
        if (layer.Metadata.Periode is { } periode) json.WriteString("periode", periode);
        json.WriteString("tampilan", layer.Metadata.Tampilan);
        json.WriteBoolean("sintetis", layer.Metadata.Sintetis);
        if (layer.Metadata.Sintetis) json.WriteString("peringatan", "Data sintetis: bukan data sebenarnya");
        if (layer.Metadata.Parameter is { } parameter)
        {
            json.WritePropertyName("parameter");
            json.WriteRawValue(parameter, skipInputValidation: true);
        }
        if (layer.Metadata.SidikJari is { } sidik) json.WriteString("sidik_jari", sidik);
        json.WriteStartArray("features");
        long count = 0;
        await foreach (var row in layer.BarisAsync(BentukGeometri.GeoJson, ct))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            json.WriteRawValue(row.GeoJson!, skipInputValidation: true);
            json.WriteStartObject("properties");
            for (var i = 0; i < layer.Kolom.Count; i++)
            {
                var name = layer.Kolom[i].Nama;
                switch (row.Nilai[i])
                {
                    case null: json.WriteNull(name); break;
                    case double d: json.WriteNumber(name, d); break;
                    case long l: json.WriteNumber(name, l); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    case var v: json.WriteString(name, (string)v); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (++count % 200 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return count;
    }
}
