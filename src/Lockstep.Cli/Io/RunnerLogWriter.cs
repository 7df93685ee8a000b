using System.Text;
using Lockstep.Core.Platform;

namespace Lockstep.Cli.Io;

/// <summary>
/// Standard output or error on a CI runner: every line written through it passes the runner's
/// <see cref="IRunnerContext.NeutraliseLine"/> before it reaches the stream, so that text from the inputs (a policy
/// message, a metric or slice name, a CSV header, an API answer) cannot start a runner command. A line is held until
/// its line break (<c>\n</c>, <c>\r</c>), because the runner reads a command from a whole line; so a command the runner
/// itself writes to the stream always starts a line. <see cref="Complete"/> writes what is left of the last line.
/// </summary>
public sealed class RunnerLogWriter(TextWriter inner, IRunnerContext runner) : TextWriter
{
    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value is '\n' or '\r')
        {
            inner.Write(runner.NeutraliseLine(line.ToString()));
            inner.Write(value);
            line.Clear();
            return;
        }

        line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        for (var end = value.AsSpan().IndexOfAny('\n', '\r'); end >= 0; end = value.AsSpan(start).IndexOfAny('\n', '\r'))
        {
            end += start;
            line.Append(value, start, end - start);
            Write(value[end]);
            start = end + 1;
        }

        line.Append(value, start, value.Length - start);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    /// <summary>Flushes the stream; a line without its break yet stays held (see <see cref="Complete"/>).</summary>
    public override void Flush() => inner.Flush();

    /// <summary>Writes the rest of the last line, which has no line break, and flushes the stream.</summary>
    public void Complete()
    {
        if (line.Length > 0)
        {
            inner.Write(runner.NeutraliseLine(line.ToString()));
            line.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
        }

        base.Dispose(disposing);
    }
}
