package io.loadout.shared;

/**
 * How a refusal names a field of one item of a request, as the client sent it: a single object's field bare
 * ({@code asin}), an item of a list by its index ({@code items[2].asin}, or {@code [2].asin} when the list is the
 * whole body). Only the adapter knows which shape it received, so it tells the service.
 */
public record ItemFields(String list) {

    /** The request was one object. */
    public static final ItemFields SINGLE = new ItemFields(null);

    /** The request was a list named {@code list} ({@code ""}: the body itself is the list). */
    public static ItemFields in(String list) {
        return new ItemFields(list);
    }

    public String name(int index, String field) {
        return list == null ? field : list + "[" + index + "]." + field;
    }
}
