using Geo.Core.Wilayah;

namespace Geo.Data.Indikator.Import;

public sealed record WilayahInScope(string Kode, string Nama, Tingkat Tingkat);
