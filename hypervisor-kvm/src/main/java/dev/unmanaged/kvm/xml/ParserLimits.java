package dev.unmanaged.kvm.xml;

/**
 * How much a document may hold. Real domain XML is a few kilobytes (the largest upstream libvirt test
 * document is 30 KB) and at most 15 elements deep, so these leave a wide margin while keeping a hostile
 * document from exhausting memory or the stack.
 *
 * @param maxDocumentBytes bytes (or characters, for a string) read before giving up
 * @param maxElementDepth  element nesting accepted, counting the root as 1
 */
record ParserLimits(long maxDocumentBytes, int maxElementDepth) {
    /** 16 MiB and 256 levels. */
    static final ParserLimits DEFAULT = new ParserLimits(16L * 1024 * 1024, 256);
}
