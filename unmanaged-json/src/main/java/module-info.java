/** The public JSON form of descriptors, plans, results and errors (Jackson). */
module dev.unmanaged.json {
    requires transitive dev.unmanaged.api;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.unmanaged.json;
}
