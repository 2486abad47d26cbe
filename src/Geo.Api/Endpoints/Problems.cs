using Geo.Core.Errors;
using Geo.Core.Wilayah;

namespace Geo.Api.Endpoints;

internal static class Problems
{
    /// <summary>Parses a code from the URL, or throws the 400 naming what is wrong with it.</summary>
    public static KodeWilayah ParseKode(string? text) =>
        KodeWilayah.TryParse(text, out var kode, out var error) ? kode : throw GeoException.Invalid(error);
}
