using System.Data.Common;
using Botshop.Knowledge;

namespace Botshop.Cli;

/// <summary>Runs a command's work and turns the errors a user can cause into one-line messages and exit codes.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (CliError e)
        {
            return Fail(e.Message, e.ExitCode);
        }
        catch (KnowledgeDataException e)
        {
            return Fail(e.Message, ExitCodes.BadInput);
        }
        catch (DbException e)
        {
            return Fail($"the store cannot be used: {e.Message}", ExitCodes.StoreUnavailable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Data-folder file errors arrive as KnowledgeDataException; a bare one comes from the store's path.
            return Fail($"the store cannot be used: {e.Message}", ExitCodes.StoreUnavailable);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", 130);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"botshop: {message}");
        return code;
    }
}
