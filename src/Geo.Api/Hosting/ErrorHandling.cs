using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Diagnostics;

namespace Geo.Api.Hosting;

public static class ErrorHandling
{
    /// <summary>Every error leaves as problem-details JSON; user errors thrown from deep in the data layer become 400.</summary>
    public static void UseGeoErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BoundaryFileException or BadHttpRequestException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
    }
}
