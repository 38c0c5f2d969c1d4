package se.utskick;

/** A configuration value is missing or wrong; the message names the key and its environment variable. */
public class ConfigException extends UtskickException {
    public ConfigException(String message) {
        super(message);
    }
}
