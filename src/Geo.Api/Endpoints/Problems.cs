using Geo.Core.Wilayah;

namespace Geo.Api.Endpoints;

internal static class Problems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Tidak ditemukan", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "Permintaan tidak valid", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Parses a code from the URL, or gives the 400 to return.</summary>
    public static bool TryParseKode(string text, out KodeWilayah kode, out IResult? problem)
    {
        if (KodeWilayah.TryParse(text, out kode, out var error))
        {
            problem = null;
            return true;
        }
        problem = BadRequest(error);
        return false;
    }
}
