using Geo.Core.Indikator;

namespace Geo.Data.Indikator.Import;

/// <summary>One value or target bound for the database, with where it came from in the file.</summary>
public sealed record IncomingRow(int Baris, string Kolom, bool Target, string Indikator, string Periode, string Wilayah, CleanValue Nilai);
