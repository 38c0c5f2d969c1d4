package se.utskick.replies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written letter directory for tests. */
final class InMemoryLetters implements LetterDirectory {
    private final Map<Long, Letter> letters = new HashMap<>();
    private final Map<Long, List<Association>> addressed = new HashMap<>();

    void add(Letter letter, List<Association> associations) {
        letters.put(letter.id(), letter);
        addressed.put(letter.id(), new ArrayList<>(associations));
    }

    @Override
    public Optional<Letter> letter(long letterId) {
        return Optional.ofNullable(letters.get(letterId));
    }

    @Override
    public List<Association> associationsAddressed(long letterId) {
        return addressed.getOrDefault(letterId, List.of());
    }
}
