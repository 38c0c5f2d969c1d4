package se.utskick.audience;

import java.util.Map;

/** How many people an audience reaches now, and how many match but are left out, by reason. */
public record Resolution(int recipients, Map<LeftOut, Integer> leftOut) {
    public Resolution {
        leftOut = Map.copyOf(leftOut);
    }

    public int leftOut(LeftOut reason) {
        return leftOut.getOrDefault(reason, 0);
    }
}
