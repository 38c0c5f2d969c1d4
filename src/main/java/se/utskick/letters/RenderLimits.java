package se.utskick.letters;

import java.time.Duration;

/**
 * Bounds of one template render, so that no template can hang approval or sending or bring the
 * process down: how deep template elements may nest (macro and function calls, #list, #if…, each
 * counts; the shipped templates nest about 15 deep), how long one render may run, and how many
 * characters it may write. A render that passes one stops with a {@link TemplateError} naming the
 * template and line.
 *
 * @param maxDepth    nested template elements at most (an endless recursion meets this)
 * @param budget      wall-clock time of one render (a loop too long meets this)
 * @param maxChars    characters one render may write (a loop writing without end meets this)
 */
record RenderLimits(int maxDepth, Duration budget, int maxChars) {
    /** 400 levels, 3 seconds, 5 million characters: each a hundred times what a real letter needs. */
    static final RenderLimits DEFAULT = new RenderLimits(400, Duration.ofSeconds(3), 5_000_000);
}
