package se.utskick.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** An offline resolver: records set by the test; names in {@link #unanswered} time out; counts lookups. */
final class FakeDns implements Dns {
    final Map<String, List<String>> txt = new HashMap<>();
    final Map<String, List<Mx>> mx = new HashMap<>();
    final Map<String, List<InetAddress>> addresses = new HashMap<>();
    final Set<String> unanswered = new HashSet<>();
    final AtomicInteger lookups = new AtomicInteger();

    FakeDns txt(String name, String... records) {
        txt.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(records));
        return this;
    }

    FakeDns mx(String name, int preference, String host) {
        mx.computeIfAbsent(name, k -> new ArrayList<>()).add(new Mx(preference, host));
        return this;
    }

    FakeDns a(String name, String literal) {
        try {
            addresses.computeIfAbsent(name, k -> new ArrayList<>()).add(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
        return this;
    }

    private void ask(String name) {
        lookups.incrementAndGet();
        if (unanswered.contains(name)) {
            throw new DnsException("no DNS answer for " + name + " (fake timeout)", null);
        }
    }

    @Override
    public List<String> txt(String name) {
        ask(name);
        return txt.getOrDefault(name, List.of());
    }

    @Override
    public List<Mx> mx(String name) {
        ask(name);
        return mx.getOrDefault(name, List.of());
    }

    @Override
    public List<InetAddress> addresses(String name) {
        ask(name);
        return addresses.getOrDefault(name, List.of());
    }
}
