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
        lock (line)
        {
            Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        // Commands print from parallel work too (progress lines); a line is put together and written whole.
        lock (line)
        {
            foreach (var c in value)
            {
                Append(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        lock (line)
        {
            Write(value);
            Write(CoreNewLine);
        }
    }

    /// <summary>Flushes the stream; a line without its break yet stays held (see <see cref="Complete"/>).</summary>
    public override void Flush() => inner.Flush();

    /// <summary>Writes the rest of the last line, which has no line break, and flushes the stream.</summary>
    public void Complete()
    {
        lock (line)
        {
            if (line.Length > 0)
            {
                inner.Write(runner.NeutraliseLine(line.ToString()));
                line.Clear();
            }

            inner.Flush();
        }
    }

    private void Append(char value)
    {
        if (value is '\n' or '\r')
        {
            inner.Write(runner.NeutraliseLine(line.ToString()));
            inner.Write(value);
            line.Clear();
        }
        else
        {
            line.Append(value);
        }
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
