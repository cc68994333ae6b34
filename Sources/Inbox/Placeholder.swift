import Validate
