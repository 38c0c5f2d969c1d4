package se.utskick.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * {@link Dns} on the JDK's JNDI DNS provider ({@code com.sun.jndi.dns.DnsContextFactory}): the
 * system resolver from /etc/resolv.conf, or one given server ({@code doctor.dns.server}). Each
 * query waits 2 s, retried twice. Thread-safe (a context per lookup).
 */
public final class JndiDns implements Dns {
    private final Hashtable<String, String> env = new Hashtable<>();
    private final String server;

    /** {@code server}: {@code host} or {@code host:port} of a DNS server; empty for the system resolver. */
    public JndiDns(Optional<String> server) {
        this.server = server.orElse("the system resolver");
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, server.map(s -> "dns://" + s).orElse("dns:"));
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
    }

    @Override
    public List<String> txt(String name) {
        return lookup(name, "TXT").stream().map(JndiDns::joinStrings).toList();
    }

    @Override
    public List<Mx> mx(String name) {
        List<Mx> mx = new ArrayList<>();
        for (String r : lookup(name, "MX")) {
            String[] parts = r.strip().split("\\s+");
            if (parts.length == 2) {
                mx.add(new Mx(Integer.parseInt(parts[0]), stripDot(parts[1])));
            }
        }
        return mx;
    }

    @Override
    public List<InetAddress> addresses(String name) {
        List<InetAddress> all = new ArrayList<>();
        for (String type : new String[] {"A", "AAAA"}) {
            for (String literal : lookup(name, type)) {
                try {
                    all.add(InetAddress.getByName(literal.strip())); // a literal: no lookup
                } catch (UnknownHostException e) {
                    throw new DnsException("the DNS answer for " + name + " " + type + " is not an address: " + literal, e);
                }
            }
        }
        return all;
    }

    private List<String> lookup(String name, String type) {
        String n = stripDot(name);
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attrs = ctx.getAttributes(n, new String[] {type});
            Attribute a = attrs.get(type);
            List<String> values = new ArrayList<>();
            if (a != null) {
                NamingEnumeration<?> e = a.getAll();
                while (e.hasMore()) {
                    values.add(String.valueOf(e.next()));
                }
            }
            return values;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new DnsException("no DNS answer for " + n + " " + type + " from " + server + ": "
                    + e.getClass().getSimpleName() + (e.getExplanation() == null ? "" : " " + e.getExplanation()), e);
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing held
                }
            }
        }
    }

    /**
     * One TXT record as JNDI prints it — its character-strings separated by a space, a string quoted
     * (with {@code \} escapes) when it holds a space, quote or backslash or is empty — back to the
     * strings concatenated without separator, as RFC 7208 §3.3 and RFC 6376 §3.6.2.2 read them.
     */
    static String joinStrings(String jndi) {
        StringBuilder out = new StringBuilder(jndi.length());
        int i = 0;
        while (i < jndi.length()) {
            char c = jndi.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                i++;
                while (i < jndi.length() && jndi.charAt(i) != '"') {
                    if (jndi.charAt(i) == '\\' && i + 1 < jndi.length()) {
                        i++;
                    }
                    out.append(jndi.charAt(i++));
                }
                i++;
            } else {
                while (i < jndi.length() && jndi.charAt(i) != ' ') {
                    out.append(jndi.charAt(i++));
                }
            }
        }
        return out.toString();
    }

    static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
